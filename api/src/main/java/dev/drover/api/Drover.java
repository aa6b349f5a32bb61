package dev.drover.api;

import dev.drover.env.AppliedScriptChangedException;
import dev.drover.env.Fleet;
import dev.drover.env.Lineage;
import dev.drover.env.ScriptLint;
import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.registry.Dialect;
import dev.drover.env.PlanVetoedException;
import dev.drover.orchestrator.drift.SchemaDifference;
import dev.drover.orchestrator.fleet.Cancellation;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetResult;
import dev.drover.orchestrator.fleet.FleetInspector;
import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.fleet.TargetView;
import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.lint.Finding;
import dev.drover.orchestrator.report.Placement;
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
    private final TargetHost host;
    private final java.util.Set<Cancellation> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Drover(Registry registry, Map<String, String> placeholders, FleetListener listener, Path journal,
            TargetHost host, List<AutoCloseable> lent) {
        this.registry = registry;
        this.placeholders = placeholders;
        this.listener = listener;
        this.journal = journal;
        this.host = host;
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
        Cancellation cancellation = new Cancellation();
        running.add(cancellation);
        CancelToken token = rollout.cancelTokenOrNull();
        Runnable forget = token == null ? () -> { } : token.onCancel(cancellation::cancel);
        try {
            return onFleet(selection, rollout, null, true, call -> {
                lintFirst(call.fleet(), operation);
                FleetResult result = call.fleet().run(operation.engine(), rollout.policy(call.fleet(),
                        registry.concurrency()), new ListenerAdapter(listener), cancellation);
                call.fleet().recordingProblems().forEach(listener::warning);
                return new FleetReport(RunReports.from(result, call.placement()), result.exitCode());
            });
        } finally {
            forget.run();
            running.remove(cancellation);
        }
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
        return onFleet(selection, rollout, null, true, call -> {
            lintFirst(call.fleet(), operation);
            Fleet.DryRun dry = call.fleet().dryRun(operation.engine());
            return new DryRunReport(new FleetReport(RunReports.from(dry.plan(), call.planned()), dry.plan().exitCode()),
                    dry.sql(), call.targets());
        });
    }

    /** Tells the listener the lint findings of what an upgrade or downgrade would execute. */
    private void lintFirst(Fleet fleet, Operation operation) {
        FleetOperation engine = operation.engine();
        if (engine instanceof FleetOperation.Upgrade || engine instanceof FleetOperation.Downgrade) {
            listener.lint(fleet.lint(engine).stream().map(Drover::finding).toList());
        }
    }

    private static LintFinding finding(Finding f) {
        return new LintFinding(f.file(), f.line(), f.revision(), f.direction(), f.dialect(), f.rule(), f.why(),
                f.rewrite(), f.silenced());
    }

    /**
     * The dangerous statements ({@code drover lint}) among the revisions an upgrade to {@code destination} would
     * run on the selected targets, judged by each target's dialect; reads the targets' revisions, executes
     * nothing.
     *
     * @throws DroverException on a broken graph or script, or a destination that does not resolve
     */
    public List<LintFinding> lint(String destination, Selection selection) {
        return onFleet(selection, Rollout.defaults(), null, true, call -> call.fleet()
                .lint(FleetOperation.upgrade(destination)).stream().map(Drover::finding).toList());
    }

    /**
     * The selected targets as they resolve now (tenants listed, read or discovered, and validated), opening no
     * migration connection.
     *
     * @throws DroverException as {@link #status(Selection)}
     */
    public List<TargetInfo> targets(Selection selection) {
        try {
            return resolve(selection, null).targets().stream().map(Drover::info).toList();
        } catch (RegistryException e) {
            throw new DroverException(e.getMessage(), e);
        }
    }

    private static TargetInfo info(RegistryTarget t) {
        return new TargetInfo(t.key(), t.sectionName(), t.tenant(), t.schema(), t.database(), t.maskedUrl(),
                t.dialectName(), t.versionTable());
    }

    /**
     * Stops every run of this instance in flight from starting more targets (as Ctrl-C does on the command
     * line): targets already running finish, the others are reported {@code cancelled}, and each run's report
     * has exit code 130. Safe from any thread, e.g. a shutdown hook; runs started later are not affected (a
     * {@link CancelToken} given with {@link Rollout#cancelledBy} also reaches them).
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
        return onFleet(selection, Rollout.defaults(), null, true, call -> status(call.fleet().status()));
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
        return withFleet(selection, Rollout.defaults(), null, fleet -> drift(fleet, reference));
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
        java.util.Objects.requireNonNull(sink, "sink");
        onFleet(selection, rollout, offlineTenants(selection), false, call -> {
            Map<String, TargetInfo> byKey = new java.util.HashMap<>();
            call.targets().forEach(t -> byKey.put(t.target(), t));
            sink.begin(call.targets());
            call.fleet().sql(operation.engine(), null, (key, text) -> sink.accept(byKey.get(key), text));
            return null;
        });
    }

    /** The tenants of {@code query:} sections offline: the tenants file, else plain tenant names, else none. */
    private static OfflineTenants offlineTenants(Selection selection) {
        if (selection.tenantsFileOrNull() != null) {
            return new OfflineTenants(new TenantSource.FromFile(selection.tenantsFileOrNull(), "tenantsFile(...)"));
        }
        List<String> names = selection.tenantGlobs();
        boolean plain = !names.isEmpty() && names.stream().noneMatch(n -> n.contains("*") || n.contains("?"));
        return new OfflineTenants(plain ? new TenantSource.Listed(names, "tenants(...)") : null);
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
        java.util.Objects.requireNonNull(check, "check");
        return onFleet(selection, Rollout.defaults(), null, true, call -> {
            Fleet fleet = call.fleet();
            StatusReport status;
            List<String> disagreements = List.of();
            if (check.isDeep()) {
                FleetInspector.DeepStatus deep = fleet.deepStatus();
                status = status(deep.status());
                disagreements = deep.ledgerDisagreements();
            } else {
                status = status(fleet.status());
            }
            return new CheckReport(status, disagreements, check.comparesSchemas() ? drift(fleet, null) : null);
        });
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
        try {
            List<LintFinding> findings = new java.util.ArrayList<>();
            for (Lineage lineage : Lineage.of(registry.select(selection.sectionGlobs()))) {
                ScriptSource scripts = ScriptSource.of(lineage.scriptDirectory());
                java.util.Set<dev.drover.orchestrator.dialect.Dialect> dialects = new java.util.LinkedHashSet<>();
                for (String section : lineage.sectionNames()) {
                    dialects.add(Dialects.named(registry.section(section).dialect().id()));
                }
                dialects.forEach(dialect -> ScriptLint.all(scripts, dialect).forEach(f -> findings.add(
                        new LintFinding(f.file(), f.line(), f.revision(), f.direction(), f.dialect(), f.rule(),
                                f.why(), f.rewrite(), f.silenced()))));
            }
            return List.copyOf(findings);
        } catch (RegistryException | RevisionException | ScriptParseException | ScriptFileException e) {
            throw new DroverException(e.getMessage(), e);
        }
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
        try {
            ResolvedTargets resolved = resolve(selection, null);
            Map<String, String> refusals = new java.util.LinkedHashMap<>();
            resolved.targets().stream().filter(t -> t.twoPhase() && t.dialect() != Dialect.POSTGRESQL)
                    .forEach(t -> refusals.putIfAbsent(t.sectionName(), t.section().where() + ": section '"
                            + t.sectionName() + "' sets two_phase = true on " + t.dialectName() + ", which fleet"
                            + " commands refuse: two-phase commit needs PostgreSQL; set two_phase = false"));
            return new TargetList(
                    resolved.targets().stream().map(t -> new TargetInfo(t.key(), t.sectionName(), t.tenant(),
                            t.schema(), t.database(), t.maskedUrl(), t.dialectName(), t.versionTable(),
                            t.versionTableSchema(), t.dialect() == Dialect.POSTGRESQL ? t.twoPhase() : null)).toList(),
                    resolved.rejected().stream().map(r -> new TargetList.Rejected(r.section(), r.name(), r.reason()))
                            .toList(),
                    resolved.warnings().stream().map(Object::toString).toList(),
                    List.copyOf(refusals.values()));
        } catch (RegistryException e) {
            throw new DroverException(e.getMessage(), e);
        }
    }

    /** The fleet's drift as the public value; a reference naming no single readable target is refused. */
    private static DriftReport drift(Fleet fleet, String reference) {
        dev.drover.orchestrator.drift.DriftReport found;
        try {
            found = fleet.drift(reference);
        } catch (IllegalArgumentException e) {
            throw new DroverException(e.getMessage(), e);
        }
        Map<String, List<String>> repairs = fleet.repairSql(found);
        return new DriftReport(
                found.groups().stream().map(g -> new DriftReport.Group(g.server(), g.revision(), g.targets(),
                        g.comparedWith(), g.expected().hash(), g.variants().size())).toList(),
                found.drifted().stream().map(d -> new DriftReport.DriftedTarget(d.key(), d.target().server(),
                        d.target().revision(), d.comparedWith(), d.target().fingerprint().hash(),
                        d.differences().stream().map(SchemaDifference::message).toList(), differences(d.differences()),
                        repairs.getOrDefault(d.key(), List.of()))).toList(),
                found.servers().stream().map(s -> new DriftReport.ServerDrift(s.server(), s.revision(), s.source(),
                        differences(s.differences()))).toList(),
                found.unreadable().stream().map(t -> new DriftReport.Unreadable(t.key(), t.error())).toList());
    }

    private static List<DriftReport.Difference> differences(List<SchemaDifference> differences) {
        return differences.stream().map(d -> new DriftReport.Difference(
                d.change().name().toLowerCase(java.util.Locale.ROOT), d.object().kind().word(),
                d.object().table().isEmpty() ? null : d.object().table(), d.object().name(),
                d.expected() == null ? null : d.expected().definition(),
                d.actual() == null ? null : d.actual().definition(), d.message())).toList();
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
        return onFleet(selection, rollout, offline, false, call -> body.apply(call.fleet()));
    }

    /**
     * Resolves the selection, builds its fleet and hands it to {@code body}, with the {@link TargetHost} open
     * around it when {@code hosted} and one was configured.
     *
     * @param offline the tenants of {@code query:} sections for offline SQL, or {@code null} to discover them
     */
    private <T> T onFleet(Selection selection, Rollout rollout, OfflineTenants offline, boolean hosted,
            Function<Call, T> body) {
        if (offline == null && selection.tenantsFileOrNull() != null) {
            throw new DroverException("a tenants file (" + selection.tenantsFileOrNull() + ") names the tenants of"
                    + " 'query:' sections for offlineSql only, and this call discovers them over the connection;"
                    + " drop tenantsFile(...) from the selection", null);
        }
        TargetHost.Joined joined = null;
        try {
            Registry resolving = registry;
            if (hosted && host != null) {
                joined = host.join(new EngineHandle(registry));
                resolving = joined.registry().unwrap(Registry.class);
            }
            ResolvedTargets resolved = resolve(resolving, selection, offline);
            if (resolved.targets().isEmpty()) {
                // the command line's words first (the CLI prints this message), then the Java ones
                throw new DroverException("No target matches the selection; list them with 'drover targets' and"
                        + " check --name, --tenant and --shard (in Java: Drover.targets(...) and the " + selection
                        + " against the registry's sections " + registry.sectionNames() + ")", null);
            }
            try (Fleet fleet = Fleet.of(resolved.targets(), placeholders, rollout.lockWaitOverride(), rollout::limits)) {
                if (journal != null) {
                    fleet.withJournal(journal);
                }
                fleet.warnings().forEach(listener::warning);
                TargetHost.Session session = joined != null ? joined.open(new EngineHandle(fleet)) : null;
                try {
                    if (rollout.tagOrNull() != null) {
                        fleet.withTag(rollout.tagOrNull());
                    }
                    return body.apply(new Call(fleet, resolved.targets().stream().map(Drover::info).toList(), session));
                } finally {
                    if (session != null) {
                        session.close();
                    }
                }
            }
        } catch (RegistryException | RevisionException | ScriptParseException | ScriptFileException
                | AppliedScriptChangedException | PlanVetoedException e) {
            throw new DroverException(e.getMessage(), e);
        } finally {
            if (joined != null) {
                joined.close();
            }
        }
    }

    /** One call's fleet, its targets as the application sees them, and the host session (or {@code null}). */
    private record Call(Fleet fleet, List<TargetInfo> targets, TargetHost.Session session) {

        /** Where the targets ran: the host's placement, after the run. */
        Placement placement() {
            return session == null ? Placement.LOCAL : session.placement();
        }

        /** Where a dry run's targets would run: the host's plan. */
        Placement planned() {
            return session == null ? Placement.LOCAL : session.planned();
        }
    }

    /** The selected targets, each rejected tenant and registry warning told to the listener. */
    private ResolvedTargets resolve(Selection selection, OfflineTenants offline) {
        return resolve(registry, selection, offline);
    }

    /** As {@link #resolve(Selection, OfflineTenants)} with {@code registry} (a host's, which may list tenants). */
    private ResolvedTargets resolve(Registry registry, Selection selection, OfflineTenants offline) {
        dev.drover.registry.Selection chosen = selection.toRegistry();
        ResolvedTargets resolved = registry.targets(offline == null ? chosen : chosen.withOfflineTenants(offline));
        resolved.rejected().forEach(r -> listener.warning("tenant '" + r.name() + "' of section '" + r.section()
                + "' rejected and left alone: " + r.reason()));
        resolved.warnings().forEach(w -> listener.warning(w.toString()));
        return resolved;
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
