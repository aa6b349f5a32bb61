package dev.drover.api;

import dev.drover.env.Fleet;
import dev.drover.env.Lineage;
import dev.drover.orchestrator.fleet.FleetResult;
import dev.drover.orchestrator.report.RunReports;
import dev.drover.registry.Registry;
import dev.drover.registry.RegistryException;
import dev.drover.registry.RegistryTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Drover embedded in an application: the fleet commands of the command line as method calls with typed
 * results. Build one with {@link #configure()}:
 * <pre>{@code
 * try (Drover drover = Drover.configure().registry(Path.of("drover.ini")).load()) {
 *     FleetReport report = drover.upgrade("head", Selection.all().sections("billing"),
 *             Rollout.defaults().concurrency(8).maxFailures(2));
 * }
 * }</pre>
 * Every call resolves its targets afresh (tenants from a query or a supplier are asked again), opens the
 * connections it needs and closes them before it returns. Calls may run concurrently; two runs on the same
 * target exclude each other through the target lock, as two command-line processes do. A call refused before
 * anything changed throws {@link DroverException}; failures of single targets are outcomes in the result.
 */
public final class Drover implements AutoCloseable {

    private final Registry registry;
    private final Map<String, String> placeholders;
    private final FleetListener listener;
    private final Path journal;
    private final List<AutoCloseable> lent;
    /** The read side: targets, status, check, drift, lint. */
    private final FleetReads reads;
    /** The run side: runs, dry runs, offline SQL, recovery. */
    private final FleetRuns runs;

    Drover(Registry registry, Map<String, String> placeholders, FleetListener listener, Path journal,
            TargetHost host, List<AutoCloseable> lent) {
        this.registry = registry;
        this.placeholders = placeholders;
        this.listener = listener;
        this.journal = journal;
        this.lent = List.copyOf(lent);
        FleetCalls calls = new FleetCalls(registry, placeholders, listener, journal, host);
        this.reads = new FleetReads(calls);
        this.runs = new FleetRuns(calls);
        registry.warnings().forEach(w -> listener.warning(w.toString()));
    }

    /** A builder for a {@link Drover}. */
    public static DroverBuilder configure() {
        return new DroverBuilder();
    }

    /** As {@link #upgrade(String, Selection, Rollout)} on every target with the default rollout. */
    public FleetReport upgrade(String destination) {
        return upgrade(destination, Selection.all(), Rollout.defaults());
    }

    /**
     * Moves the selected targets up to {@code destination} ({@code head}, {@code heads}, a revision or prefix,
     * {@code <label>@head}, {@code +N}, {@code <rev>+N}).
     *
     * @return every target's outcome; never throws for a target's failure
     * @throws DroverException before any target changed: no target selected, a broken configuration, graph or
     *                         script, an undefined placeholder, a destination that does not resolve, an applied
     *                         script edited since it ran
     */
    public FleetReport upgrade(String destination, Selection selection, Rollout rollout) {
        return run(Operation.upgrade(destination), selection, rollout);
    }

    /**
     * Moves the selected targets down to {@code destination} ({@code base}, a revision, {@code -N}).
     *
     * @throws DroverException as {@link #upgrade(String, Selection, Rollout)}
     */
    public FleetReport downgrade(String destination, Selection selection, Rollout rollout) {
        return run(Operation.downgrade(destination), selection, rollout);
    }

    /**
     * Records {@code revisions} as each selected target's heads without running any script ({@code purge}:
     * first empty the version table).
     *
     * @throws DroverException as {@link #upgrade(String, Selection, Rollout)}
     */
    public FleetReport stamp(List<String> revisions, boolean purge, Selection selection, Rollout rollout) {
        return run(Operation.stamp(revisions, purge), selection, rollout);
    }

    /**
     * Accepts the current scripts of applied revisions whose checksum changed ({@code drover repair}): records
     * their new checksums, runs no script.
     *
     * @throws DroverException as {@link #upgrade(String, Selection, Rollout)}
     */
    public FleetReport repair(Selection selection, Rollout rollout) {
        return run(Operation.repair(), selection, rollout);
    }

    /**
     * Runs {@code operation} on the selected targets under {@code rollout}: the call behind
     * {@link #upgrade(String, Selection, Rollout) upgrade}, {@link #downgrade downgrade}, {@link #stamp stamp} and
     * {@link #repair repair}. In order: resolves the targets (rejected tenants and registry warnings go to
     * {@link FleetListener#warning}), opens the {@link DroverBuilder#host host} if any, for an upgrade or downgrade
     * tells {@link FleetListener#lint} what the revisions it would run hold (that read is the run's read), refuses
     * before any target changed what cannot run (see {@code @throws}), then runs: every target ends with an
     * outcome in the report, progress goes to the listener, and what the run could not record for
     * {@link #drift drift} goes to {@link FleetListener#warning} once the run is over. A {@link Rollout#cancelledBy
     * cancelled} run reports the targets it did not start {@code cancelled}, exit code 130.
     *
     * @return every target's outcome, the report naming the node of each target when a host placed them
     * @throws DroverException before any target changed: no target selected, a selection with a
     *                         {@link Selection#tenantsFile tenants file}, a broken configuration, graph or script, an
     *                         undefined placeholder, a destination that does not resolve, an applied script edited
     *                         since it ran, a plan a section's strategy vetoed
     * @throws RuntimeException what {@link FleetListener#lint} or the host's {@link TargetHost#open open} threw,
     *                          unchanged, before any target changed (except Drover's own configuration, graph and
     *                          script exceptions, which arrive wrapped in a {@link DroverException})
     */
    public FleetReport run(Operation operation, Selection selection, Rollout rollout) {
        return runs.run(operation, selection, rollout);
    }

    /**
     * Reads each selected target's current revision and returns what an upgrade to {@code destination} would do
     * and the SQL it would execute, executing nothing.
     *
     * @throws DroverException as {@link #upgrade(String, Selection, Rollout)} would, before reading anything
     */
    public DryRunReport dryRun(String destination, Selection selection) {
        return dryRun(Operation.upgrade(destination), selection, Rollout.defaults());
    }

    /**
     * {@code --dry-run}: reads each selected target's current revision (through the {@link DroverBuilder#host
     * host}, if any) and returns what {@code operation} would do and the SQL it would execute, executing nothing
     * and taking no lock. An upgrade or downgrade first tells {@link FleetListener#lint} its findings, as
     * {@link #run} does. Of {@code rollout} only the {@link Rollout#tag tag} and the statement limits matter (they
     * are in the SQL).
     *
     * @throws DroverException as {@link #run} would, before reading anything or once the revisions are read (an
     *                         applied script edited since it ran); a target that cannot be read is a {@code failed}
     *                         target of the plan
     * @throws RuntimeException what {@link FleetListener#lint} or the host threw, unchanged (as for {@link #run})
     */
    public DryRunReport dryRun(Operation operation, Selection selection, Rollout rollout) {
        return runs.dryRun(operation, selection, rollout);
    }

    /**
     * The dangerous statements ({@code drover lint}) among the revisions an upgrade to {@code destination} would
     * run on the selected targets, judged by each target's dialect; reads the targets' revisions, executes
     * nothing.
     *
     * @throws DroverException on a broken graph or script, or a destination that does not resolve
     */
    public List<LintFinding> lint(String destination, Selection selection) {
        return reads.lint(destination, selection);
    }

    /**
     * The selected targets as they resolve now (tenants listed, read or discovered, and validated), opening no
     * migration connection.
     *
     * @throws DroverException as {@link #status(Selection)}
     */
    public List<TargetInfo> targets(Selection selection) {
        return reads.targets(selection);
    }

    /**
     * Stops every run of this instance in flight from starting more targets (as Ctrl-C does on the command
     * line): targets already running finish, the others are reported {@code cancelled}, and each run's report
     * has exit code 130. Safe from any thread, e.g. a shutdown hook; runs started later are not affected (a
     * {@link CancelToken} given with {@link Rollout#cancelledBy} also reaches them).
     */
    public void cancel() {
        runs.cancel();
    }

    static FleetReport report(FleetResult result) {
        return new FleetReport(RunReports.from(result), result.exitCode());
    }

    /** Every target's current revision and pending work. @throws DroverException as {@link #status(Selection)} */
    public StatusReport status() {
        return status(Selection.all());
    }

    /**
     * Reads each selected target's heads and pending revisions (in batches per server), changing nothing.
     * A target that cannot be read is reported with its error.
     *
     * @throws DroverException when nothing is selected, or the configuration, graph or a script is broken
     */
    public StatusReport status(Selection selection) {
        return reads.status(selection);
    }

    /**
     * The deploy gate: as {@link #status(Selection)}; {@link StatusReport#checkPassed()} says whether every
     * target is at head with unchanged applied scripts and nothing half-way.
     *
     * @throws DroverException as {@link #status(Selection)}
     */
    public StatusReport check(Selection selection) {
        return status(selection);
    }

    /**
     * {@code drover drift}: reads every selected target's revision and schema (from its server's catalog, in
     * batches per server) and compares the targets of each server at the same revision with their majority, or
     * with {@code reference}. Executes nothing, takes no lock.
     *
     * @param reference a tenant name or target key to compare with, or {@code null} for the majority
     * @throws DroverException as {@link #status(Selection)}, or when {@code reference} names no single readable
     *                         target
     */
    public DriftReport drift(Selection selection, String reference) {
        return reads.drift(selection, reference);
    }

    /**
     * The SQL an upgrade would execute on each selected target, written without any connection (Alembic's
     * {@code --sql}); {@code destination} may be a range {@code start:end}. Tenants of {@code query:} sections
     * are the selection's tenant names (without {@code *} or {@code ?}), since no query can run.
     *
     * @throws DroverException before any SQL is written: as {@link #upgrade(String, Selection, Rollout)}, or
     *                         a {@code query:} section without plain tenant names, or a Java revision that
     *                         cannot be written offline
     */
    public OfflineSql offlineSql(String destination, Selection selection) {
        Map<String, String> sql = new java.util.LinkedHashMap<>();
        offlineSql(Operation.upgrade(destination), selection, Rollout.defaults(), (target, text) -> {
            if (!text.isEmpty()) {
                sql.put(target.target(), text);
            }
        });
        return new OfflineSql(sql);
    }

    /**
     * {@code --sql}: the SQL {@code operation} would execute on each selected target, written without any
     * connection (Alembic's offline mode) and handed to {@code sink} target by target in rollout order; the
     * destination may be a range {@code start:end} (a downgrade needs the start). Tenants of {@code query:} sections
     * come from the selection's {@link Selection#tenantsFile tenants file}, else from its tenant names when none
     * holds {@code *} or {@code ?}. Of {@code rollout} only the {@link Rollout#tag tag} (the run id in the SQL becomes
     * {@code TAG:offline}) and the statement limits matter. The {@link DroverBuilder#host host} is not used.
     *
     * @throws DroverException before any SQL is written: as {@link #run} would, or a {@code query:} section without
     *                         tenant names, a tenants file that cannot be read, or a Java revision that cannot be
     *                         written offline
     * @throws RuntimeException what {@code sink} threw, unchanged as for {@link #run} (the SQL of earlier targets
     *                          was handed over)
     */
    public void offlineSql(Operation operation, Selection selection, Rollout rollout, SqlSink sink) {
        runs.offlineSql(operation, selection, rollout, sink);
    }

    /**
     * Resolves in-doubt two-phase transactions from the journal: COMMIT where it recorded the decision,
     * otherwise ROLLBACK (presumed abort). Idempotent.
     *
     * @param force also roll back Drover transactions no journal knows (only when no other run is active)
     * @throws DroverException as {@link #status(Selection)}
     */
    public RecoveryReport recover(boolean force) {
        return recover(Selection.all(), force);
    }

    /**
     * As {@link #recover(boolean)}, on the selected targets' servers only. With a {@link DroverBuilder#host host}
     * (Drover's cluster: {@code drover recover --cluster}), this machine's journal is resolved through the host
     * instead, each transaction reported with its group, run and the node that handled it; run it where the runs
     * that journaled the groups ran.
     *
     * @throws DroverException as {@link #status(Selection)}
     */
    public RecoveryReport recover(Selection selection, boolean force) {
        return runs.recover(selection, force);
    }

    /**
     * Adds tenant {@code tenant} to section {@code section}: creates its schema (MariaDB: database; with
     * {@code {tenant}} in the url, its database, through {@code discovery_url} or the server's maintenance
     * database) when the section's {@code create_schema} allows and it is missing, and migrates it to head, all or nothing:
     * on PostgreSQL a new schema (holding its version tables, outside a two-phase section, no {@code transactional:
     * false} revision) is created, given its version tables and migrated in one transaction, which a failure rolls
     * back and no other session sees before the COMMIT; otherwise, when the migration fails, what this call created
     * is dropped again. The result says which way it went ({@link Onboarding#oneTransaction()}) and whether it was
     * undone (or what could not be dropped). Two concurrent onboardings of one tenant (in this or another process) take turns on a
     * lock; the second finds the tenant at head. The section's tenant source is not changed: list the tenant
     * there (or in the supplier) for later fleet runs to include it.
     *
     * @throws DroverException before anything changed: an unknown section, a section without tenants, a
     *                         rejected tenant name, a broken graph or script
     */
    public Onboarding onboard(String section, String tenant) {
        return new TenantOnboarding(this::fleetOf, listener).onboard(target(section, tenant));
    }

    /**
     * Removes tenant {@code tenant} of section {@code section}: with {@code drop}, drops its schema or database
     * with everything in it; without, changes nothing and says what {@code drop} would remove.
     *
     * @return what was (or would be) dropped
     * @throws DroverException before anything changed: as {@link #onboard}, or a tenant that is neither a schema
     *                         nor a database Drover can drop (an H2 database per tenant, a single target)
     */
    public Offboarding offboard(String section, String tenant, boolean drop) {
        return new TenantOnboarding(this::fleetOf, listener).offboard(target(section, tenant), drop);
    }

    private RegistryTarget target(String section, String tenant) {
        try {
            return registry.target(section, tenant);
        } catch (RegistryException e) {
            throw new DroverException(e.getMessage(), e);
        }
    }

    private Fleet fleetOf(RegistryTarget target) {
        try {
            Fleet fleet = Fleet.of(List.of(target), placeholders, null);
            return journal == null ? fleet : fleet.withJournal(journal);
        } catch (RegistryException e) {
            throw new DroverException(e.getMessage(), e);
        }
    }

    /**
     * {@code drover current}: each selected target's current heads, read as {@link #status(Selection)} reads them
     * (the same value: a caller that only prints revisions uses {@link TargetState#heads()},
     * {@link TargetState#atHead()} and {@link TargetState#error()}). Changes nothing, takes no lock.
     *
     * @throws DroverException as {@link #status(Selection)}
     */
    public StatusReport current(Selection selection) {
        return status(selection);
    }

    /**
     * {@code drover check [--deep] [--drift]}: the deploy gate of {@link #check(Selection)}, with a
     * {@link Check#deep deep} read of every target's own tables (and the fleet-ledger rows that disagree with
     * them) and a {@link Check#drift schema comparison} as {@code check} asks. Reads only: executes nothing, takes
     * no lock. The revisions are read through the {@link DroverBuilder#host host}, if any, as {@link #status} reads
     * them, a deep check's tables too (Drover's cluster reads them on agents); schemas are always read with this
     * process's connections (as {@link #drift} reads them).
     *
     * @return the states read, the ledger disagreements and the drift; {@link CheckReport#passed()} is the gate
     * @throws DroverException as {@link #status(Selection)}
     * @throws RuntimeException what the host's {@link TargetHost#open open} threw, unchanged, before anything was
     *                          read
     */
    public CheckReport check(Selection selection, Check check) {
        return reads.check(selection, check);
    }

    /**
     * {@code drover lint}: every statement of the selected sections' revision scripts that locks or rewrites a
     * busy table, judged by the dialect of each section using the scripts; silenced findings included (their
     * {@link LintFinding#silenced()} says why). Reads only the scripts and the registry: opens no connection,
     * lists no tenant. Only the selection's section globs matter.
     *
     * @return the findings, by lineage (sections sharing version locations) in rollout order, then by dialect
     * @throws DroverException when a section glob matches no section, or a script directory or script is broken
     */
    public List<LintFinding> lintScripts(Selection selection) {
        return reads.lintScripts(selection);
    }

    /**
     * {@code drover targets}: the selected targets as they resolve now, with the rejected tenants, the warnings
     * and the sections the fleet commands would refuse; opens no migration connection ({@code query:} tenants are
     * discovered over the section's connection). An empty selection is an empty list, not an error. Rejected
     * tenants and warnings also go to the {@link FleetListener#warning listener}.
     *
     * @throws DroverException when a section glob matches no section, or a section or its tenant source is broken
     */
    public TargetList targetList(Selection selection) {
        return reads.targetList(selection);
    }

    /** The registry's warnings: unknown keys, ignored sections. */
    public List<String> warnings() {
        return registry.warnings().stream().map(Object::toString).toList();
    }

    /** The database sections in rollout order. */
    public List<String> sections() {
        return registry.sectionNames();
    }

    /**
     * The script directory of every section ({@code drover heads}, {@code history}, {@code revision}, ...): see
     * {@link Scripts}. Reads no file yet.
     */
    public Scripts scripts() {
        return scripts(new String[0]);
    }

    /**
     * The script directory of the sections {@code sectionGlobs} select (the command line's {@code --name}; none:
     * every section): see {@link Scripts}. Reads no file yet.
     *
     * @throws DroverException when a glob matches no section (the message lists the sections)
     */
    public Scripts scripts(String... sectionGlobs) {
        try {
            return new Scripts(this, Lineage.of(registry.select(List.of(sectionGlobs))), listener::warning,
                    java.time.Clock.systemDefaultZone(), new java.security.SecureRandom());
        } catch (RegistryException e) {
            throw new DroverException(e.getMessage(), e);
        }
    }

    /** Gives back the data sources lent by the application's sections; runs still going are not stopped. */
    @Override
    public void close() {
        closeAll(lent);
    }

    static void closeAll(List<AutoCloseable> handles) {
        for (AutoCloseable handle : handles) {
            try {
                handle.close();
            } catch (Exception e) {
                // giving a data source back cannot fail; nothing else to release
            }
        }
    }

    @Override
    public String toString() {
        return "Drover[sections=" + registry.sectionNames() + "]";
    }
}
