package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** 200 tenant schemas in one PostgreSQL database, three small revisions, moved as a fleet. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetPostgresIT {

    private static final int TENANTS = 200;

    private TestDatabase db;
    private MigrationRuntime runtime;
    private ScriptSource scripts;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        db = TestDatabases.open(DatabaseKind.POSTGRES);
        runtime = new MigrationRuntime(8);
        Path folder = Files.createDirectories(dir.resolve("versions"));
        write(folder, "r1", "", "CREATE TABLE items (id INT PRIMARY KEY);", "DROP TABLE items;");
        write(folder, "r2", "r1", "ALTER TABLE items ADD COLUMN name VARCHAR(50);", "ALTER TABLE items DROP COLUMN name;");
        write(folder, "r3", "r2", "CREATE INDEX items_name_idx ON items (name);", "DROP INDEX items_name_idx;");
        scripts = ScriptSource.of(ScriptDirectory.load(List.of(folder)));
    }

    @AfterAll
    void close() {
        if (runtime != null) {
            runtime.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static void write(Path folder, String id, String parent, String up, String down) throws Exception {
        Files.writeString(folder.resolve(id + "_rev.sql"), "-- revision: " + id + "\n-- down_revision: " + parent
                + "\n-- message: " + id + "\n\n-- drover:upgrade\n" + up + "\n\n-- drover:downgrade\n" + down + "\n");
    }

    private List<FleetTarget> fleet(String prefix, int n) {
        List<FleetTarget> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String schema = schema(prefix, i);
            MigrationTarget target = MigrationTarget.of("it/" + schema, db.url()).withTenant(schema).withCreateSchema(true);
            targets.add(FleetTarget.of(target, scripts, "it", schema));
        }
        return targets;
    }

    private static String schema(String prefix, int i) {
        return String.format("%s_%03d", prefix, i);
    }

    private static RolloutPolicy policy() {
        return RolloutPolicy.defaults().withConcurrency(8).withDefaultServerLimit(8);
    }

    private static List<String> keys(FleetResult result, OutcomeStatus status) {
        return result.outcomes().stream().filter(o -> o.status() == status).map(TargetOutcome::key).toList();
    }

    /** Counts the targets the runtime was asked to run (each would lock and open transactions). */
    private static final class CountingExecutor implements TargetExecutor {
        final AtomicInteger calls = new AtomicInteger();
        final TargetExecutor delegate;

        CountingExecutor(TargetExecutor delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.util.concurrent.CompletionStage<dev.drover.orchestrator.runtime.TargetResult> execute(
                FleetTarget target, FleetOperation operation, RunOptions options) {
            calls.incrementAndGet();
            return delegate.execute(target, operation, options);
        }
    }

    private FleetResult run(FleetRunner runner, List<FleetTarget> targets, RolloutPolicy policy) {
        return runner.run(FleetOperation.upgrade("head"), targets, policy, RunOptions.withNewRunId(), FleetListener.NONE,
                new Cancellation());
    }

    @Test
    void upgradesTwoHundredTenantsThenFindsThemAllAtHeadWithoutLockingAny() throws Exception {
        List<FleetTarget> targets = fleet("fa", TENANTS);

        FleetResult first = run(FleetRunner.on(runtime), targets, policy());

        assertThat(first.count(OutcomeStatus.SUCCEEDED)).as(String.valueOf(first.outcomes().stream()
                .filter(TargetOutcome::failed).findFirst())).isEqualTo(TENANTS);
        assertThat(first.outcomes().get(0).steps()).hasSize(3);
        assertThat(count("SELECT count(*) FROM " + union("fa", TENANTS, "drover_version") + " v WHERE v.c = 'r3'"))
                .isEqualTo(TENANTS);
        long history = count("SELECT count(*) FROM " + union("fa", TENANTS, "drover_history") + " h");
        assertThat(history).isEqualTo(3L * TENANTS);

        CountingExecutor counting = new CountingExecutor(new RuntimeTargetExecutor(runtime));
        FleetRunner runner = new FleetRunner(counting, new RuntimeStateReader(runtime), Clock.systemUTC(), System::nanoTime);
        FleetResult again = run(runner, targets, policy());

        assertThat(again.count(OutcomeStatus.UNCHANGED)).isEqualTo(TENANTS);
        assertThat(counting.calls.get()).as("targets handed to the runtime (lock + transaction)").isZero();
        assertThat(count("SELECT count(*) FROM " + union("fa", TENANTS, "drover_history") + " h")).isEqualTo(history);

        FleetStatus status = FleetInspector.on(runtime).status(targets);
        assertThat(status.checkPassed()).isTrue();
        assertThat(status.byRevision()).containsExactly(java.util.Map.entry("r3", TENANTS));
    }

    @Test
    void statusOfAFreshFleetIsBaseWithEveryRevisionPending() {
        List<FleetTarget> targets = fleet("fe", 20);

        FleetStatus status = FleetInspector.on(runtime).status(targets);

        assertThat(status.targets()).allSatisfy(v -> {
            assertThat(v.heads()).isEmpty();
            assertThat(v.pending()).isEqualTo(3);
            assertThat(v.error()).isNull();
        });
        assertThat(status.byRevision()).containsExactly(java.util.Map.entry("base", 20));
        assertThat(status.checkPassed()).isFalse();
    }

    @Test
    void aRevisionFailingForThreeTenantsStopsTheDefaultRolloutEarly() throws Exception {
        conflict("fb", 17, 101, 188);

        FleetResult result = run(FleetRunner.on(runtime), fleet("fb", TENANTS), policy());

        assertThat(result.count(OutcomeStatus.FAILED)).isBetween(1, 3);
        assertThat(result.count(OutcomeStatus.SKIPPED)).isPositive();
        assertThat(result.stopped()).isTrue();
        assertThat(result.exitCode()).isEqualTo(1);
        TargetOutcome failure = result.outcomes().stream().filter(TargetOutcome::failed).findFirst().orElseThrow();
        assertThat(failure.error().sqlState()).isEqualTo("42P07");
        assertThat(failure.error().revision()).isEqualTo("r1");
    }

    @Test
    void continueOnErrorMovesEveryOtherTenant() throws Exception {
        conflict("fc", 17, 101, 188);

        FleetResult result = run(FleetRunner.on(runtime), fleet("fc", TENANTS), policy().withContinueOnError());

        assertThat(result.count(OutcomeStatus.SUCCEEDED)).isEqualTo(TENANTS - 3);
        assertThat(keys(result, OutcomeStatus.FAILED)).containsExactly("it/fc_017", "it/fc_101", "it/fc_188");
        assertThat(result.stopped()).isFalse();
    }

    @Test
    void aFailingCanaryTouchesNoOtherTenant() throws Exception {
        conflict("fd", 2);

        FleetResult result = run(FleetRunner.on(runtime), fleet("fd", 40), policy().withCanary(5).withConcurrency(2));

        assertThat(keys(result, OutcomeStatus.FAILED)).containsExactly("it/fd_002");
        assertThat(keys(result, OutcomeStatus.SKIPPED)).hasSizeGreaterThanOrEqualTo(35)
                .contains("it/fd_005", "it/fd_039");
        Set<String> versioned = strings("SELECT table_schema FROM information_schema.tables WHERE table_name = "
                + "'drover_version' AND table_schema LIKE 'fd\\_%'");
        assertThat(versioned).as("the canary ran").contains("fd_000", "fd_002");
        assertThat(versioned).allSatisfy(s -> assertThat(s).isIn(
                IntStream.range(0, 5).mapToObj(i -> schema("fd", i)).toList()));
    }

    private void conflict(String prefix, int... tenants) throws SQLException {
        for (int i : tenants) {
            db.execute("CREATE SCHEMA " + schema(prefix, i), "CREATE TABLE " + schema(prefix, i) + ".items (x INT)");
        }
    }

    /** {@code (SELECT version_num AS c FROM s1.t UNION ALL ...)}, for counting over every tenant. */
    private static String union(String prefix, int n, String table) {
        String column = table.equals("drover_version") ? "version_num" : "revision";
        return IntStream.range(0, n).mapToObj(i -> "SELECT " + column + " AS c FROM " + schema(prefix, i) + "." + table)
                .collect(Collectors.joining(" UNION ALL ", "(", ")"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Set<String> strings(String sql) throws SQLException {
        Set<String> values = new java.util.TreeSet<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
