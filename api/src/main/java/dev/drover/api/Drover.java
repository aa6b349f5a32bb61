package dev.drover.api;

import dev.drover.env.AppliedScriptChangedException;
import dev.drover.env.Fleet;
import dev.drover.env.PlanVetoedException;
import dev.drover.orchestrator.drift.SchemaDifference;
import dev.drover.orchestrator.fleet.Cancellation;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetResult;
import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.fleet.TargetView;
import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.report.RunReports;
import dev.drover.orchestrator.script.ScriptFileException;
import dev.drover.orchestrator.script.ScriptParseException;
import dev.drover.orchestrator.twophase.RecoveryResult;
import dev.drover.registry.OfflineTenants;
import dev.drover.registry.Registry;
import dev.drover.registry.RegistryException;
import dev.drover.registry.RegistryTarget;
import dev.drover.registry.ResolvedTargets;
import dev.drover.registry.TenantSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
    private final java.util.Set<Cancellation> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Drover(Registry registry, Map<String, String> placeholders, FleetListener listener, Path journal,
            List<AutoCloseable> lent) {
        this.registry = registry;
        this.placeholders = placeholders;
        this.listener = listener;
        this.journal = journal;
        this.lent = List.copyOf(lent);
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
        return run(FleetOperation.upgrade(destination), selection, rollout);
    }

    /**
     * Moves the selected targets down to {@code destination} ({@code base}, a revision, {@code -N}).
     *
     * @throws DroverException as {@link #upgrade(String, Selection, Rollout)}
     */
    public FleetReport downgrade(String destination, Selection selection, Rollout rollout) {
        return run(FleetOperation.downgrade(destination), selection, rollout);
    }

    /**
     * Records {@code revisions} as each selected target's heads without running any script ({@code purge}:
     * first empty the version table).
     *
     * @throws DroverException as {@link #upgrade(String, Selection, Rollout)}
     */
    public FleetReport stamp(List<String> revisions, boolean purge, Selection selection, Rollout rollout) {
        return run(FleetOperation.stamp(revisions, purge), selection, rollout);
    }

    /**
     * Accepts the current scripts of applied revisions whose checksum changed ({@code drover repair}): records
     * their new checksums, runs no script.
     *
     * @throws DroverException as {@link #upgrade(String, Selection, Rollout)}
     */
    public FleetReport repair(Selection selection, Rollout rollout) {
        return run(FleetOperation.repair(), selection, rollout);
    }

    /**
     * Reads each selected target's current revision and returns what an upgrade to {@code destination} would do
     * and the SQL it would execute, executing nothing.
     *
     * @throws DroverException as {@link #upgrade(String, Selection, Rollout)} would, before reading anything
     */
    public DryRunReport dryRun(String destination, Selection selection) {
        return withFleet(selection, Rollout.defaults(), null, fleet -> {
            Fleet.DryRun dry = fleet.dryRun(FleetOperation.upgrade(destination));
            return new DryRunReport(report(dry.plan()), dry.sql());
        });
    }

    /**
     * The dangerous statements ({@code drover lint}) among the revisions an upgrade to {@code destination} would
     * run on the selected targets, judged by each target's dialect; reads the targets' revisions, executes
     * nothing.
     *
     * @throws DroverException on a broken graph or script, or a destination that does not resolve
     */
    public List<LintFinding> lint(String destination, Selection selection) {
        return withFleet(selection, Rollout.defaults(), null, fleet -> fleet.lint(FleetOperation.upgrade(destination))
                .stream().map(f -> new LintFinding(f.file(), f.line(), f.revision(), f.direction(), f.dialect(),
                        f.rule(), f.why(), f.rewrite(), f.silenced()))
                .toList());
    }

    /**
     * The selected targets as they resolve now (tenants listed, read or discovered, and validated), opening no
     * migration connection.
     *
     * @throws DroverException as {@link #status(Selection)}
     */
    public List<TargetInfo> targets(Selection selection) {
        try {
            return resolve(selection, null).targets().stream()
                    .map(t -> new TargetInfo(t.key(), t.sectionName(), t.tenant(), t.schema(), t.database(),
                            t.maskedUrl(), t.dialectName(), t.versionTable()))
                    .toList();
        } catch (RegistryException e) {
            throw new DroverException(e.getMessage(), e);
        }
    }

    FleetReport run(FleetOperation operation, Selection selection, Rollout rollout) {
        Cancellation cancellation = new Cancellation();
        running.add(cancellation);
        try {
            return withFleet(selection, rollout, null, fleet -> report(fleet.run(operation,
                    rollout.policy(fleet, registry.concurrency()), new ListenerAdapter(listener), cancellation)));
        } finally {
            running.remove(cancellation);
        }
    }

    /**
     * Stops every run of this instance in flight from starting more targets (as Ctrl-C does on the command
     * line): targets already running finish, the others are reported {@code cancelled}, and each run's report
     * has exit code 130. Safe from any thread, e.g. a shutdown hook; runs started later are not affected.
     */
    public void cancel() {
        running.forEach(Cancellation::cancel);
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
        return withFleet(selection, Rollout.defaults(), null, fleet -> status(fleet.status()));
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
        return withFleet(selection, Rollout.defaults(), null, fleet -> {
            dev.drover.orchestrator.drift.DriftReport found;
            try {
                found = fleet.drift(reference);
            } catch (IllegalArgumentException e) {
                throw new DroverException(e.getMessage(), e);
            }
            Map<String, List<String>> repairs = fleet.repairSql(found);
            return new DriftReport(found.drifted().stream().map(d -> new DriftReport.DriftedTarget(d.key(),
                            d.comparedWith(), d.differences().stream().map(SchemaDifference::message).toList(),
                            repairs.getOrDefault(d.key(), List.of())))
                    .toList(),
                    found.servers().stream().map(s -> "server '" + s.server() + "': its targets at " + s.revision()
                            + " agree with each other but differ from what that revision produced on '" + s.source()
                            + "': " + String.join("; ", s.differences().stream().map(SchemaDifference::message).toList()))
                            .toList(),
                    found.unreadable().stream().map(t -> t.key() + ": " + t.error()).toList());
        });
    }

    static StatusReport status(FleetStatus status) {
        return new StatusReport(status.targets().stream().map(Drover::state).toList());
    }

    private static TargetState state(TargetView v) {
        return new TargetState(v.key(), v.target().section(), v.target().tenant(), v.heads(), v.pending(), v.changed(),
                v.unfinished(), v.error(), v.atHead(), v.healthy());
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
        List<String> names = selection.tenantGlobs();
        boolean plain = !names.isEmpty() && names.stream().noneMatch(n -> n.contains("*") || n.contains("?"));
        OfflineTenants offline = new OfflineTenants(plain ? new TenantSource.Listed(names, "tenants(...)") : null);
        return withFleet(selection, Rollout.defaults(), offline, fleet -> {
            Map<String, String> sql = new java.util.LinkedHashMap<>();
            fleet.sql(FleetOperation.upgrade(destination), null, (key, text) -> {
                if (!text.isEmpty()) {
                    sql.put(key, text);
                }
            });
            return new OfflineSql(sql);
        });
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
     * As {@link #recover(boolean)}, on the selected targets' servers only.
     *
     * @throws DroverException as {@link #status(Selection)}
     */
    public RecoveryReport recover(Selection selection, boolean force) {
        return withFleet(selection, Rollout.defaults(), null, fleet -> {
            RecoveryResult result = fleet.recover(force);
            return new RecoveryReport(result.transactions().stream()
                    .map(t -> new RecoveryReport.Transaction(t.gid(), t.targetKey(), t.action().label(), t.detail(),
                            t.action().resolved()))
                    .toList());
        });
    }

    /**
     * Adds tenant {@code tenant} to section {@code section}: creates its schema (MariaDB: database; with
     * {@code {tenant}} in the url, its database, through {@code discovery_url} or the server's maintenance
     * database) when the section's {@code create_schema} allows and it is missing, and migrates it to head, all or nothing: when
     * the migration fails, what this call created is dropped again, and the result says so (or says what could
     * not be dropped). Two concurrent onboardings of one tenant (in this or another process) take turns on a
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

    /** The registry's warnings: unknown keys, ignored sections. */
    public List<String> warnings() {
        return registry.warnings().stream().map(Object::toString).toList();
    }

    /** The database sections in rollout order. */
    public List<String> sections() {
        return registry.sectionNames();
    }

    private <T> T withFleet(Selection selection, Rollout rollout, OfflineTenants offline, Function<Fleet, T> body) {
        try {
            ResolvedTargets resolved = resolve(selection, offline);
            if (resolved.targets().isEmpty()) {
                throw new DroverException("no target matches " + selection + "; check the section and tenant"
                        + " globs against the registry's sections " + registry.sectionNames(), null);
            }
            try (Fleet fleet = Fleet.of(resolved.targets(), placeholders, rollout.lockWaitOverride(), rollout::limits)) {
                if (journal != null) {
                    fleet.withJournal(journal);
                }
                if (rollout.tagOrNull() != null) {
                    fleet.withTag(rollout.tagOrNull());
                }
                fleet.warnings().forEach(listener::warning);
                return body.apply(fleet);
            }
        } catch (RegistryException | RevisionException | ScriptParseException | ScriptFileException
                | AppliedScriptChangedException | PlanVetoedException e) {
            throw new DroverException(e.getMessage(), e);
        }
    }

    /** The selected targets, each rejected tenant and registry warning told to the listener. */
    private ResolvedTargets resolve(Selection selection, OfflineTenants offline) {
        dev.drover.registry.Selection chosen = selection.toRegistry();
        ResolvedTargets resolved = registry.targets(offline == null ? chosen : chosen.withOfflineTenants(offline));
        resolved.rejected().forEach(r -> listener.warning("tenant '" + r.name() + "' of section '" + r.section()
                + "' rejected and left alone: " + r.reason()));
        resolved.warnings().forEach(w -> listener.warning(w.toString()));
        return resolved;
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
