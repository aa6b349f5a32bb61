package dev.drover.env;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.lock.LockTimeoutException;
import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.OwnedRuntime;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.runtime.TargetCheck;
import dev.drover.orchestrator.runtime.TargetResult;
import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.orchestrator.sql.OfflineSql;
import dev.drover.orchestrator.twophase.RecoveryResult;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import dev.drover.registry.RegistryTarget;
import dev.drover.registry.UrlMasker;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The migration commands over a list of registry targets, each through its section's
 * {@link EnvironmentStrategy}, one target after another in rollout
 * order: the first failure stops the rollout and the targets after it are reported
 * {@code skipped}. (The concurrent fan-out with canary, waves and a failure budget replaces this
 * loop in the orchestrator issue.)
 */
public final class Fleet implements AutoCloseable {

    /** The run id written into offline SQL: fixed, so the same command always writes the same SQL. */
    public static final String OFFLINE_RUN_ID = "offline";

    /** A registry target with its engine form and its lineage's scripts. */
    private record Entry(RegistryTarget registry, MigrationTarget target, ScriptSource scripts,
            EnvironmentStrategy strategy) {

        UnaryOperator<List<MigrationStep>> review() {
            return planned -> strategy.reviewPlan(target, planned);
        }
    }

    private final List<Entry> entries;
    private final String runId;
    private OwnedRuntime runtime;

    private Fleet(List<Entry> entries, String runId) {
        this.entries = entries;
        this.runId = runId;
    }

    /**
     * @param targets  the selected targets, in rollout order
     * @param x        {@code -x NAME=value} placeholder values
     * @param lockWait a {@code --lock-wait} override, or {@code null}
     */
    public static Fleet of(List<RegistryTarget> targets, Map<String, String> x, Duration lockWait) {
        Map<List<Path>, ScriptSource> lineages = new HashMap<>();
        Map<String, EnvironmentStrategy> strategies = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (RegistryTarget target : targets) {
            ScriptSource scripts = lineages.computeIfAbsent(target.versionLocations(),
                    locations -> ScriptSource.of(ScriptDirectory.load(locations)));
            EnvironmentStrategy strategy = strategies.computeIfAbsent(target.sectionName(),
                    name -> Strategies.forSection(target.section()));
            entries.add(new Entry(target, strategy.target(target, x, lockWait), scripts, strategy));
        }
        return new Fleet(entries, RunOptions.withNewRunId().runId());
    }

    public String runId() {
        return runId;
    }

    public int size() {
        return entries.size();
    }

    /** Upgrades every target to {@code destination}. */
    public List<TargetOutcome> upgrade(String destination) {
        return rollout(e -> runtime().migrate(e.target(), e.scripts(),
                current -> e.review().apply(e.scripts().graph().planUpgrade(current, destination)), new RunOptions(runId)));
    }

    /** Downgrades every target to {@code destination}. */
    public List<TargetOutcome> downgrade(String destination) {
        return rollout(e -> runtime().migrate(e.target(), e.scripts(),
                current -> e.review().apply(e.scripts().graph().planDowngrade(current, destination)), new RunOptions(runId)));
    }

    /** Sets every target's version table to {@code revisions} without running scripts. */
    public List<TargetOutcome> stamp(List<String> revisions, boolean purge) {
        return rollout(e -> runtime().stamp(e.target(), e.scripts(), revisions, purge, new RunOptions(runId)));
    }

    /**
     * Each target's heads, pending steps and problems.
     *
     * @throws SQLException if a target cannot be read
     */
    public List<TargetCheck> check() throws SQLException {
        List<TargetCheck> checks = new ArrayList<>();
        for (Entry entry : entries) {
            checks.add(MigrationRuntime.await(runtime().check(entry.target(), entry.scripts())));
        }
        return checks;
    }

    /** The offline SQL of {@code upgrade RANGE --sql} for every target, each under a header naming it. */
    public String offlineUpgrade(String range) {
        return offline(e -> OfflineSql.upgrade(e.target(), e.scripts(), range, OFFLINE_RUN_ID, e.review()));
    }

    /** The offline SQL of {@code downgrade START:END --sql}. */
    public String offlineDowngrade(String range) {
        return offline(e -> OfflineSql.downgrade(e.target(), e.scripts(), range, OFFLINE_RUN_ID, e.review()));
    }

    /** The offline SQL of {@code stamp REV... --sql}. */
    public String offlineStamp(List<String> revisions, boolean purge) {
        return offline(e -> OfflineSql.stamp(e.target(), e.scripts(), revisions, purge, OFFLINE_RUN_ID));
    }

    /**
     * Resolves in-doubt two-phase transactions recorded in {@code journalDir} against this fleet's
     * targets: COMMIT where the journal holds the decision, otherwise ROLLBACK (presumed abort).
     * Idempotent. With {@code force}, Drover transactions no journal knows are rolled back too.
     */
    public RecoveryResult recover(Path journalDir, boolean force) {
        runtime();
        return runtime.recovery(new TwoPhaseJournal(journalDir))
                .recover(entries.stream().map(Entry::target).toList(), force);
    }

    private String offline(Function<Entry, String> sql) {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            if (entries.size() > 1) {
                out.append("-- ==== target '").append(entry.registry().key()).append("' (")
                        .append(entry.registry().maskedUrl()).append(") ====\n");
            }
            out.append(sql.apply(entry));
        }
        return out.toString();
    }

    private List<TargetOutcome> rollout(Function<Entry, CompletionStage<TargetResult>> operation) {
        List<TargetOutcome> outcomes = new ArrayList<>();
        boolean stopped = false;
        for (Entry entry : entries) {
            String key = entry.registry().key();
            if (stopped) {
                outcomes.add(new TargetOutcome(key, "skipped", null, null, false));
                continue;
            }
            TargetOutcome outcome = runOne(entry, () -> operation.apply(entry));
            outcomes.add(outcome);
            stopped = outcome.failed();
        }
        return outcomes;
    }

    private TargetOutcome runOne(Entry entry, java.util.function.Supplier<CompletionStage<TargetResult>> operation) {
        String key = entry.registry().key();
        try {
            TargetResult result = MigrationRuntime.await(operation.get());
            return new TargetOutcome(key, result.status().label(), result, null, false);
        } catch (LockTimeoutException e) {
            return new TargetOutcome(key, "failed", null, masked(entry, e.getMessage()), true);
        } catch (SQLException e) {
            return new TargetOutcome(key, "failed", null, "cannot reach or prepare target '" + key + "': "
                    + masked(entry, e.getMessage()) + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"),
                    false);
        }
    }

    /** Driver messages may echo the URL; never let a credential through. */
    private static String masked(Entry entry, String message) {
        return UrlMasker.sanitize(String.valueOf(message), List.of(entry.registry().password()));
    }

    private MigrationRuntime runtime() {
        if (runtime == null) {
            int perServer = entries.stream().mapToInt(e -> e.registry().maxConnections()).max().orElse(4);
            runtime = OwnedRuntime.start(perServer);
        }
        return runtime.runtime();
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
        }
    }
}
