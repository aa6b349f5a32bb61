package dev.drover.env;

import dev.drover.orchestrator.drift.DriftReport;
import dev.drover.orchestrator.drift.RepairSql;
import dev.drover.orchestrator.fleet.Cancellation;
import dev.drover.orchestrator.fleet.FleetInspector;
import dev.drover.orchestrator.fleet.FleetListener;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetResult;
import dev.drover.orchestrator.fleet.FleetRunner;
import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.OutcomeStatus;
import dev.drover.orchestrator.fleet.RolloutPolicy;
import dev.drover.orchestrator.fleet.RuntimeStateReader;
import dev.drover.orchestrator.fleet.RuntimeThrottleProbe;
import dev.drover.orchestrator.fleet.RecordedFingerprints;
import dev.drover.orchestrator.fleet.RemoteRecovery;
import dev.drover.orchestrator.fleet.SchemaReader;
import dev.drover.orchestrator.fleet.TargetSchema;
import dev.drover.orchestrator.fleet.Throttle;
import dev.drover.orchestrator.fleet.ThrottleProbe;
import dev.drover.orchestrator.fleet.FingerprintRecorder;
import dev.drover.orchestrator.fleet.StateReader;
import dev.drover.orchestrator.fleet.TargetExecutor;
import dev.drover.orchestrator.fleet.TargetOutcome;
import dev.drover.orchestrator.fleet.TargetView;
import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.lint.Finding;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.StatementLimits;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.orchestrator.fleet.TwoPhaseGroupExecutor;
import dev.drover.orchestrator.twophase.DecisionLog;
import dev.drover.orchestrator.twophase.GroupResult;
import dev.drover.orchestrator.twophase.NodeRecovery;
import dev.drover.orchestrator.twophase.Participant;
import dev.drover.orchestrator.twophase.RecoveryResult;
import dev.drover.orchestrator.twophase.TwoPhaseCoordinator;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import dev.drover.registry.ConfigException;
import dev.drover.registry.Dialect;
import dev.drover.registry.LiveSettings;
import dev.drover.registry.RegistryTarget;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The fleet commands over the selected registry targets: each target mapped by its section's
 * {@link EnvironmentStrategy}, ordinary targets fanned out by the orchestrator's
 * {@link FleetRunner}, two-phase sections' targets moved in groups (run first, so a refused
 * group changes nothing), and one {@link FleetResult} for the report.
 */
public final class Fleet implements AutoCloseable {

    /** The run id written into offline SQL: fixed, so the same command always writes the same SQL. */
    public static final String OFFLINE_RUN_ID = "offline";

    private final List<FleetTarget> targets;
    private final Map<String, RegistryTarget> registry;
    private final Map<String, EnvironmentStrategy> strategies;
    private String runId;
    private final List<String> warnings;
    private Path journalDirectory = TwoPhaseJournal.defaultDirectory();
    private Clock clock = Clock.systemUTC();
    private OwnedRuntime runtime;
    private StateReader states;
    /** Where the targets run instead of here ({@code --cluster}: on agents), or {@code null} for a local run. */
    private TargetExecutor remote;
    private StateReader remoteReader;
    private TwoPhaseGroupExecutor remoteGroups;
    /** An agent's coordinator for the groups it is given, made on first use. */
    private TwoPhaseCoordinator agentGroups;
    /** {@code --cluster}: the agents record the schema fingerprints, probe the throttles and read deeply. */
    private FingerprintRecorder remoteFingerprints;
    private ThrottleProbe remoteThrottle;
    private RemoteRecovery remoteRecovery;
    private Function<List<FleetTarget>, FleetInspector.DeepRead> remoteDeep;
    private final List<String> recordingProblems = new ArrayList<>();

    private Fleet(List<FleetTarget> targets, Map<String, RegistryTarget> registry,
            Map<String, EnvironmentStrategy> strategies, String runId, List<String> warnings) {
        this.targets = targets;
        this.registry = registry;
        this.strategies = strategies;
        this.runId = runId;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @param selected the selected targets, in rollout order
     * @param x        {@code -x NAME=value} placeholder values
     * @param lockWait a {@code --lock-wait} override, or {@code null}
     * @throws ConfigException if a {@code two_phase} section is not PostgreSQL, or a strategy cannot be loaded
     */
    public static Fleet of(List<RegistryTarget> selected, Map<String, String> x, Duration lockWait) {
        return of(selected, x, lockWait, UnaryOperator.identity());
    }

    /**
     * As {@link #of(List, Map, Duration)}, with command-line overrides of the sections' statement limits
     * ({@code --lock-timeout}, {@code --lock-retries}, {@code --statement-timeout}).
     *
     * @param limits applied to each target's limits from its section
     * @throws ConfigException if a {@code two_phase} section is not PostgreSQL, or a strategy cannot be loaded
     */
    public static Fleet of(List<RegistryTarget> selected, Map<String, String> x, Duration lockWait,
            UnaryOperator<StatementLimits> limits) {
        Map<List<Path>, ScriptSource> lineages = new HashMap<>();
        Map<String, EnvironmentStrategy> bySection = new HashMap<>();
        Map<String, EnvironmentStrategy> strategies = new LinkedHashMap<>();
        Map<String, RegistryTarget> registry = new LinkedHashMap<>();
        List<FleetTarget> targets = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (RegistryTarget target : selected) {
            requireTwoPhaseDialect(target);
            ScriptSource scripts = lineages.computeIfAbsent(target.versionLocations(), locations -> {
                ScriptDirectory directory = ScriptDirectory.load(locations);
                warnings.addAll(directory.warnings());
                return ScriptSource.of(directory);
            });
            EnvironmentStrategy strategy = bySection.computeIfAbsent(target.sectionName(),
                    name -> Strategies.forSection(target.section()));
            MigrationTarget mapped = strategy.target(target, x, lockWait);
            mapped = mapped.withLimits(limits.apply(mapped.limits()));
            targets.add(new FleetTarget(mapped, scripts, target.server(), target.sectionName(), target.tenant(),
                    throttle(target.live())));
            strategies.put(target.key(), strategy);
            registry.put(target.key(), target);
        }
        return new Fleet(targets, registry, strategies, RunOptions.withNewRunId().runId(), warnings);
    }

    /** The section's throttle: its throttle_query and max_replication_lag probes, or {@code null}. */
    private static Throttle throttle(LiveSettings live) {
        if (!live.throttled()) {
            return null;
        }
        List<Throttle.Probe> probes = new ArrayList<>();
        if (live.throttleQuery() != null) {
            probes.add(new Throttle.Probe("throttle_query", live.throttleQuery(), live.throttleMax()));
        }
        if (live.maxReplicationLag() != null) {
            probes.add(Throttle.replicationLag(live.maxReplicationLag()));
        }
        return new Throttle(probes, live.throttleWait());
    }

    private static void requireTwoPhaseDialect(RegistryTarget target) {
        if (target.twoPhase() && target.dialect() != Dialect.POSTGRESQL) {
            throw new ConfigException(target.section().where() + ": section '" + target.sectionName()
                    + "' sets two_phase = true on " + target.dialectName() + ", but two-phase commit needs PostgreSQL"
                    + " (MariaDB XA cannot hold DDL; H2 commits DDL at once); set two_phase = false");
        }
    }

    /**
     * The clock of the report's start and finish times and of every outcome's timing (default: the
     * system clock in UTC); tests fix it.
     *
     * @return this fleet
     */
    public Fleet withClock(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Where two-phase decisions are journaled (default {@code ~/.drover/journal}). */
    public Fleet withJournal(Path directory) {
        this.journalDirectory = directory;
        return this;
    }

    /**
     * Adjusts every target before the fleet is read or run, e.g. one transaction for a whole onboarding run.
     *
     * @return this fleet
     */
    public Fleet adjust(UnaryOperator<MigrationTarget> adjustment) {
        targets.replaceAll(t -> new FleetTarget(adjustment.apply(t.target()), t.scripts(), t.server(), t.section(),
                t.tenant(), t.throttle()));
        return this;
    }

    /** What the user should know about the selected lineages' script directories (e.g. ignored {@code .py} files). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * What the last upgrade could not record for {@code drover drift} (the schema each revision produced on the
     * first target that reached it); the run's outcome does not depend on it.
     */
    public List<String> recordingProblems() {
        return List.copyOf(recordingProblems);
    }

    /** {@link #OFFLINE_RUN_ID}, after the tag of a tagged fleet ({@code TAG:offline}): still the same for every run. */
    private String offlineRunId() {
        String tag = RunOptions.tagOf(runId);
        return tag == null ? OFFLINE_RUN_ID : tag + ":" + OFFLINE_RUN_ID;
    }

    /**
     * Labels this fleet's runs with {@code tag} ({@code --tag}): the run id becomes {@code TAG:uuid}, so the tag is
     * in every history row and the report, and scripts see it as {@code ${tag}}.
     *
     * @throws IllegalArgumentException naming the tag when it is not a valid one (see {@link RunOptions#taggedRunId})
     */
    public Fleet withTag(String tag) {
        runId = RunOptions.taggedRunId(tag);
        targets.replaceAll(t -> {
            Map<String, String> values = new LinkedHashMap<>(t.target().placeholders());
            values.put("tag", tag);
            return new FleetTarget(t.target().withPlaceholders(values), t.scripts(), t.server(), t.section(),
                    t.tenant(), t.throttle());
        });
        return this;
    }

    public String runId() {
        return runId;
    }

    public List<FleetTarget> targets() {
        return List.copyOf(targets);
    }

    /**
     * The rollout policy from the configuration: {@code concurrency}, and each server's
     * {@code max_connections} (H2 servers one at a time: an embedded database serialises DDL).
     */
    public RolloutPolicy defaultPolicy(int concurrency) {
        RolloutPolicy policy = RolloutPolicy.defaults().withConcurrency(concurrency);
        for (FleetTarget target : targets) {
            RegistryTarget source = registry.get(target.key());
            int limit = source.dialect() == Dialect.H2 ? 1 : source.maxConnections();
            policy = policy.withServerLimit(target.server(), limit);
        }
        return policy;
    }

    /**
     * Runs {@code operation} on every target under {@code policy}; two-phase groups first. Every
     * target gets an outcome; failures never throw.
     *
     * @throws dev.drover.orchestrator.graph.RevisionException before any target is touched, on a broken graph
     * @throws dev.drover.orchestrator.script.ScriptParseException before any target is touched, on a script that does
     *         not split or an undefined placeholder
     * @throws AppliedScriptChangedException before any target is touched (upgrade, downgrade), when a revision that
     *         ran on some target has a different script now
     * @throws dev.drover.orchestrator.graph.RevisionException before any target is touched, when the destination
     *         cannot be resolved in some selected lineage (several heads, unknown or ambiguous revision) or, for
     *         {@code +N} / {@code -N}, from some target's current heads
     */
    public FleetResult run(FleetOperation operation, RolloutPolicy policy, FleetListener listener,
            Cancellation cancellation) {
        StateReader states = states();
        this.states = null; // the run changes the fleet: a later read must not see this snapshot
        refuseBeforeRun(operation, new FleetInspector(states));
        Instant started = clock.instant();
        List<FleetTarget> ordinary = new ArrayList<>();
        List<FleetTarget> twoPhase = new ArrayList<>();
        boolean migrates = operation instanceof FleetOperation.Upgrade || operation instanceof FleetOperation.Downgrade;
        for (FleetTarget target : targets) {
            (migrates && registry.get(target.key()).twoPhase() ? twoPhase : ordinary).add(target);
        }
        if (remote != null && !twoPhase.isEmpty() && remoteGroups == null) {
            throw new ConfigException("section '" + twoPhase.get(0).section() + "' has two_phase = true, and this"
                    + " cluster runs no two-phase group; nothing was changed; run it without --cluster"
                    + " (or select other sections with --name)");
        }
        WholeRunProgress progress = new WholeRunProgress(listener, targets.size(), System::nanoTime);
        TwoPhaseGroups.Run groups = twoPhase.isEmpty()
                ? new TwoPhaseGroups.Run(List.of(), false, false)
                : TwoPhaseGroups.run(TwoPhaseGroups.of(twoPhase), groupRunner(twoPhase, operation), policy,
                        cancellation, progress);
        FleetResult fanOut = groups.stopped() || groups.cancelled()
                ? notRun(operation, ordinary, groups.cancelled() ? OutcomeStatus.CANCELLED : OutcomeStatus.SKIPPED)
                : runner(states).run(operation, ordinary, policy, new RunOptions(runId), progress, cancellation);
        FleetResult result = merge(operation, started, groups, fanOut);
        // a cluster's coordinator may reach no database: its agents record what a local run records here
        FingerprintRecorder fingerprints = remote == null
                ? new RecordedFingerprints(runtime().runtime(), Clock.systemUTC()) : remoteFingerprints;
        if (operation instanceof FleetOperation.Upgrade && fingerprints != null) {
            recordingProblems.addAll(fingerprints.record(result.outcomes()));
        }
        return result;
    }

    /**
     * What is refused before any target changes, for a run and its dry run alike: a broken graph or
     * script, an undefined placeholder, a destination that does not resolve in every lineage (or from
     * every target's heads, for {@code +N} / {@code -N}), and an applied script edited since it ran.
     * The fleet is read (no lock, nothing created) only when a check needs it, and at most once.
     *
     * @return the fleet's status, read on first use and kept
     */
    private Supplier<FleetStatus> refuseBeforeRun(FleetOperation operation, FleetInspector inspector) {
        PlanTimeCheck.check(targets, operation);
        DestinationCheck.check(targets, operation);
        Supplier<FleetStatus> status = once(() -> inspector.status(targets));
        ChangedScriptsCheck.check(operation, status);
        DestinationCheck.checkFromHeads(targets, operation, status);
        return status;
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        List<T> value = new ArrayList<>(1);
        return () -> {
            if (value.isEmpty()) {
                value.add(supplier.get());
            }
            return value.get(0);
        };
    }

    private FleetResult notRun(FleetOperation operation, List<FleetTarget> notStarted, OutcomeStatus status) {
        Instant now = clock.instant();
        List<TargetOutcome> outcomes = notStarted.stream()
                .map(t -> TargetOutcome.notStarted(t, status))
                .toList();
        return new FleetResult(runId, operation.command(), operation.destination(), now, now, 0, outcomes,
                status == OutcomeStatus.SKIPPED, status == OutcomeStatus.CANCELLED);
    }

    private FleetResult merge(FleetOperation operation, Instant started, TwoPhaseGroups.Run groups, FleetResult fanOut) {
        if (groups.outcomes().isEmpty()) {
            return fanOut;
        }
        Map<String, TargetOutcome> byKey = new HashMap<>();
        groups.outcomes().forEach(o -> byKey.put(o.key(), o));
        // The fan-out started after the two-phase groups: its timeline moves to the whole run's start.
        long offset = Duration.between(started, fanOut.startedAt()).toMillis();
        fanOut.outcomes().forEach(o -> byKey.put(o.key(),
                o.startMs() == null ? o : o.withTiming(o.startMs() + offset, o.wave())));
        List<TargetOutcome> ordered = targets.stream().map(t -> byKey.get(t.key())).toList();
        Instant finished = clock.instant();
        return new FleetResult(runId, operation.command(), operation.destination(), started, finished,
                Duration.between(started, finished).toMillis(), ordered, groups.stopped() || fanOut.stopped(),
                groups.cancelled() || fanOut.cancelled(), fanOut.throttles());
    }

    /** Each group on this process's coordinator, or ({@code --cluster}) through {@link #remoteGroups}. */
    private TwoPhaseGroups.Runner groupRunner(List<FleetTarget> twoPhase, FleetOperation operation) {
        TwoPhaseJournal journal = new TwoPhaseJournal(journalDirectory);
        if (remote != null) {
            return group -> remoteGroups.run(runId, group.name(), group.members(), operation, journal);
        }
        return TwoPhaseGroups.local(runtime().twoPhaseCoordinator(journal, twoPhase.size()), runId,
                planners(twoPhase, operation));
    }

    /**
     * A cluster agent's part of a two-phase group: runs {@code members} (targets of this fleet, in the
     * coordinator's order) as one group with this fleet's engine and strategies, exactly as a local group,
     * except that {@code decisions} keeps the COMMIT decision (the coordinator's journal).
     *
     * @param operation an upgrade or a downgrade
     * @return every member's outcome
     * @throws SQLException when a database cannot be reached before the decision (all rolled back first)
     * @throws dev.drover.orchestrator.lock.LockTimeoutException when a member's lock is not acquired in time
     * @throws RuntimeException refusing the group in pre-flight (not PostgreSQL, too few prepared-transaction slots)
     */
    public GroupResult runGroup(String runId, String group, List<FleetTarget> members, FleetOperation operation,
            DecisionLog decisions) throws SQLException {
        Map<String, Function<List<String>, List<MigrationStep>>> planners = planners(members, operation);
        List<Participant> participants = members.stream()
                .map(m -> new Participant(m.target(), m.scripts(), planners.get(m.key()))).toList();
        // a group has at most one member per two_phase section; groups of several coordinators may share the pool
        int sections = (int) registry.values().stream().filter(RegistryTarget::twoPhase)
                .map(RegistryTarget::sectionName).distinct().count();
        int perServer = registry.values().stream().mapToInt(RegistryTarget::maxConnections).max().orElse(4);
        return groupCoordinator(Math.max(sections, perServer)).run(runId, group, participants, decisions);
    }

    private synchronized TwoPhaseCoordinator groupCoordinator(int connectionsPerServer) {
        if (agentGroups == null) {
            agentGroups = runtime().twoPhaseCoordinator(new TwoPhaseJournal(journalDirectory), connectionsPerServer);
        }
        return agentGroups;
    }

    /**
     * A cluster agent's part of {@code drover recover --cluster}: resolves the coordinator's journal entries
     * ({@code journaled}, each under its file name there) on the databases of {@code members}, as a local
     * {@link #recover} does, without reading or deleting any journal here.
     *
     * @param journalName the coordinator's journal directory, for messages
     */
    public RecoveryResult resolve(List<TwoPhaseJournal.Stored> journaled, List<FleetTarget> members, Path journalName,
            boolean force) {
        return runtime().recovery(new TwoPhaseJournal(journalName))
                .resolve(journaled, members.stream().map(FleetTarget::target).toList(), force);
    }

    private Map<String, Function<List<String>, List<MigrationStep>>> planners(List<FleetTarget> members,
            FleetOperation operation) {
        Map<String, Function<List<String>, List<MigrationStep>>> planners = new HashMap<>();
        for (FleetTarget member : members) {
            EnvironmentStrategy strategy = strategies.get(member.key());
            planners.put(member.key(),
                    current -> strategy.reviewPlan(member.target(), FleetPlans.steps(member, operation, current)));
        }
        return planners;
    }

    /** Each target's heads, pending steps and problems, read in batches per server (and from fleet ledgers). */
    public FleetStatus status() {
        return new FleetInspector(states()).status(targets);
    }

    /**
     * Lint findings (issue 14) in the revisions {@code operation} would run on at least one target, judged by
     * each target's dialect: read like {@link #status()} (one bulk read, shared with a following {@link #run}),
     * executing nothing. Stamp and repair run no script: no findings. A target that cannot be read is left
     * to the run.
     *
     * @throws dev.drover.orchestrator.graph.RevisionException before connecting, on a broken graph or a
     *         destination that does not resolve
     * @throws dev.drover.orchestrator.script.ScriptParseException before connecting, on a script that does not split
     *         or an undefined placeholder
     */
    public List<Finding> lint(FleetOperation operation) {
        if (!(operation instanceof FleetOperation.Upgrade || operation instanceof FleetOperation.Downgrade)) {
            return List.of();
        }
        PlanTimeCheck.check(targets, operation); // bad input is refused before any connection opens
        DestinationCheck.check(targets, operation);
        return PendingLint.lint(status(), operation);
    }

    /**
     * One bulk read shared by what reads the fleet before a run (lint, status) and the run itself, which
     * consumes it: a later call reads again.
     */
    private StateReader states() {
        if (states == null) {
            states = StateReader.once(remoteReader != null ? remoteReader : reader());
        }
        return states;
    }

    /** Reads targets' version and history tables without locks, with this process's connections. */
    public StateReader reader() {
        return new RuntimeStateReader(runtime().runtime());
    }

    /**
     * Reads the fleet through {@code reader} instead of this process's connections ({@code --cluster}: through
     * agents), for {@link #status()}, lint and the checks before a run.
     */
    public Fleet readingThrough(StateReader reader) {
        this.remoteReader = reader;
        this.states = null;
        return this;
    }

    /**
     * {@code drover drift}: reads every target's revision (as {@link #status()} does) and schema (from its
     * server's catalog, in batches per server), and compares the targets of each server at the same
     * revision with their majority, or with {@code reference}. Executes nothing, takes no lock.
     *
     * @param reference a tenant name or target key to compare with, or {@code null} for the majority
     * @throws IllegalArgumentException when {@code reference} names no single readable target
     */
    public DriftReport drift(String reference) {
        SchemaReader reader = new SchemaReader(runtime().runtime());
        CompletionStage<Map<String, TargetSchema>> reading = reader.read(targets); // while the revisions are read
        FleetStatus status = status();
        Map<String, TargetSchema> schemas = reader.await(reading, targets);
        List<FleetTarget> holders = targets.stream().filter(t -> schemas.containsKey(t.key())
                && schemas.get(t.key()).recorded()).toList();
        return FleetDrift.analyse(targets, status, schemas, reference,
                new RecordedFingerprints(runtime().runtime(), Clock.systemUTC()).read(holders));
    }

    /** {@code drift --sql}: the repair script of each drifted target, by key (see {@link RepairSql}). */
    public Map<String, List<String>> repairSql(DriftReport report) {
        Map<String, FleetTarget> byKey = new HashMap<>();
        targets.forEach(t -> byKey.put(t.key(), t));
        Map<String, List<String>> scripts = new LinkedHashMap<>();
        report.drifted().forEach(d -> scripts.put(d.key(), FleetDrift.repair(d, byKey.get(d.key()))));
        return scripts;
    }

    /**
     * {@code check --deep}: the status from every target's own tables, never a fleet ledger, and the
     * targets whose ledger row disagrees with them.
     */
    public FleetInspector.DeepStatus deepStatus() {
        return FleetInspector.deep(targets, remoteDeep != null ? remoteDeep.apply(targets) : deepRead(targets));
    }

    /**
     * {@code check --deep} on {@code some} targets of this fleet with this process's connections: their own
     * tables and their ledger disagreements (what a cluster agent answers). Blocks the calling thread.
     */
    public FleetInspector.DeepRead deepRead(List<FleetTarget> some) {
        return FleetInspector.readDeep(runtime().runtime(), some);
    }

    /**
     * Records the schema of each {@code first} target for its revision, with this process's connections (what a
     * cluster agent does for its coordinator's upgrade). Blocks the calling thread; never throws.
     *
     * @return what could not be recorded, one message each
     */
    public List<String> recordFingerprints(List<RecordedFingerprints.First> firsts) {
        return new RecordedFingerprints(runtime().runtime(), Clock.systemUTC()).recordFirsts(firsts);
    }

    /** Measures one throttle probe on {@code via}'s server with this process's connections (a cluster agent's part). */
    public CompletionStage<Double> measure(FleetTarget via, Throttle.Probe probe) {
        return new RuntimeThrottleProbe(runtime().runtime()).measure(via, probe);
    }

    /**
     * {@code --cluster}: what a local run does with this process's connections besides running and reading
     * targets, done elsewhere: the schema fingerprints an upgrade records, the throttle probes of the targets'
     * servers, and {@code check --deep}'s reads. Each may be {@code null}: a cluster run then does none.
     *
     * @return this fleet
     */
    public Fleet withRemoteServices(FingerprintRecorder fingerprints, ThrottleProbe throttle,
            Function<List<FleetTarget>, FleetInspector.DeepRead> deep) {
        this.remoteFingerprints = fingerprints;
        this.remoteThrottle = throttle;
        this.remoteDeep = deep;
        return this;
    }

    /**
     * Offline SQL for every target, by key, in rollout order: {@code --sql} ({@code start:end} ranges,
     * no connection) when {@code current} is {@code null}; {@code --dry-run} (from each target's
     * current heads; a target missing from {@code current} is left out) otherwise.
     *
     * @param current heads per target key from {@link #status()}, or {@code null} for pure offline
     * @throws dev.drover.orchestrator.graph.RevisionException for pure offline, before any SQL is written, when
     *         the range cannot be resolved or planned in some selected lineage
     * @throws dev.drover.orchestrator.script.ScriptParseException for pure offline, before any SQL is written,
     *         on a script that does not split or an undefined placeholder
     */
    public Map<String, String> sql(FleetOperation operation, Map<String, List<String>> current) {
        Map<String, String> sql = new LinkedHashMap<>();
        sql(operation, current, sql::put);
        return sql;
    }

    /**
     * As {@link #sql(FleetOperation, Map)}, handing each target's SQL to {@code sink} as soon as it
     * is written, so a fleet of any size never holds more than one target's SQL in memory.
     */
    public void sql(FleetOperation operation, Map<String, List<String>> current, BiConsumer<String, String> sink) {
        if (current == null) {
            PlanTimeCheck.check(targets, operation);
            DestinationCheck.checkOffline(targets, operation);
        }
        for (FleetTarget target : targets) {
            EnvironmentStrategy strategy = strategies.get(target.key());
            if (current == null) {
                sink.accept(target.key(), OfflineSqlSource.offline(target, operation, strategy, offlineRunId()));
            } else if (current.containsKey(target.key())) {
                sink.accept(target.key(), OfflineSqlSource.fromHeads(target, operation, strategy,
                        current.get(target.key()), runId));
            }
        }
    }

    /** A dry run: the plan of every target (as a result nobody ran) and the SQL each would execute. */
    public record DryRun(FleetResult plan, Map<String, String> sql) {}

    /**
     * Reads every target's current heads (in batches), executes nothing, and returns what
     * {@code operation} would do: targets with work are reported {@code skipped} with their planned
     * steps (repair: the revisions whose new checksum it would accept), the others {@code unchanged};
     * a target that cannot be read or planned is {@code failed} and has no SQL.
     *
     * @throws AppliedScriptChangedException as {@link #run} would, when an applied script was edited
     * @throws dev.drover.orchestrator.graph.RevisionException as {@link #run} would, when the destination
     *         cannot be resolved, or the graph is broken
     * @throws dev.drover.orchestrator.script.ScriptParseException as {@link #run} would
     */
    public DryRun dryRun(FleetOperation operation) {
        Instant started = clock.instant();
        FleetInspector inspector = new FleetInspector(states());
        // The run refuses these before touching anything, so its dry run does too, with the same message.
        Supplier<FleetStatus> status = refuseBeforeRun(operation, inspector);
        Map<String, List<String>> heads = new LinkedHashMap<>();
        List<TargetOutcome> outcomes = new ArrayList<>();
        for (TargetView view : status.get().targets()) {
            if (view.error() != null) {
                outcomes.add(TargetOutcome.builder(view.target(), OutcomeStatus.FAILED)
                        .error(StepError.of(null, view.error())).build());
                continue;
            }
            TargetOutcome planned = FleetPlans.dryRun(view, operation, strategies.get(view.key()));
            outcomes.add(planned);
            if (planned.status() != OutcomeStatus.FAILED) {
                heads.put(view.key(), view.heads());
            }
        }
        Map<String, String> sql = new LinkedHashMap<>();
        sql(operation, heads, (key, text) -> {
            if (!text.isEmpty()) {
                sql.put(key, text);
            }
        });
        Instant finished = clock.instant();
        boolean failed = outcomes.stream().anyMatch(o -> o.status() == OutcomeStatus.FAILED);
        return new DryRun(new FleetResult(runId, operation.command(), operation.destination(), started, finished,
                Duration.between(started, finished).toMillis(), outcomes, failed, false), sql);
    }

    /** The masked url of a target, for headers of offline SQL. */
    public String maskedUrl(String key) {
        return registry.get(key).maskedUrl();
    }

    /**
     * Resolves in-doubt two-phase transactions recorded in the journal against this fleet's
     * targets: COMMIT where the journal holds the decision, otherwise ROLLBACK (presumed abort).
     * Idempotent. With {@code force}, Drover transactions no journal knows are rolled back too.
     * Through {@link #recoveringThrough} when set ({@code --cluster}: each transaction with its group, run and
     * the node that handled it), otherwise in this process (group, run and node {@code null}).
     *
     * @throws java.io.UncheckedIOException when the journal cannot be read (names the file)
     */
    public List<NodeRecovery> recover(boolean force) {
        TwoPhaseJournal journal = new TwoPhaseJournal(journalDirectory);
        if (remoteRecovery != null) {
            return remoteRecovery.recover(journal, targets, force);
        }
        return runtime().recovery(journal).recover(targets.stream().map(FleetTarget::target).toList(), force)
                .transactions().stream().map(tx -> new NodeRecovery(null, null, tx, null)).toList();
    }

    /** Resolves the in-doubt transactions of {@link #recover} through {@code recovery} ({@code --cluster}). */
    public Fleet recoveringThrough(RemoteRecovery recovery) {
        this.remoteRecovery = recovery;
        return this;
    }

    /** @param states the fleet's bulk read, shared with the pre-run checks */
    private FleetRunner runner(StateReader states) {
        if (remote != null) {
            // Every target goes to its agent, so each names the node that decided it; the throttles are
            // measured by agents of each server's zone and held here, for the whole cluster.
            FleetRunner runner = new FleetRunner(remote, StateReader.NONE, clock, System::nanoTime);
            return remoteThrottle == null ? runner : runner.withThrottleProbe(remoteThrottle);
        }
        return new FleetRunner(executor(), states, clock, System::nanoTime)
                .withThrottleProbe(new RuntimeThrottleProbe(runtime().runtime()));
    }

    /**
     * The engine a local run moves one target with (its section's strategy reviewing the plan under the target
     * lock): what a cluster agent runs the targets it is given with.
     */
    public TargetExecutor executor() {
        return new StrategyExecutor(runtime().runtime(), strategies);
    }

    /**
     * Runs the targets of {@link #run} through {@code executor} instead of this process ({@code --cluster}: the
     * same rollout, each target on an agent). Two-phase groups go through {@link #runningGroupsOn}.
     */
    public Fleet runningOn(TargetExecutor executor) {
        this.remote = executor;
        return this;
    }

    /**
     * With {@link #runningOn}: runs the two-phase groups of {@link #run} through {@code groups} ({@code --cluster}:
     * each on one agent), the decisions journaled in this fleet's journal.
     */
    public Fleet runningGroupsOn(TwoPhaseGroupExecutor groups) {
        this.remoteGroups = groups;
        return this;
    }

    private OwnedRuntime runtime() {
        if (runtime == null) {
            int perServer = registry.values().stream().mapToInt(RegistryTarget::maxConnections).max().orElse(4);
            runtime = OwnedRuntime.start(perServer);
        }
        return runtime;
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
        }
    }
}
