package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.runtime.TargetResult;
import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet runner over tenant schemas of one real database, written once and subclassed per
 * database: three small revisions moved up, found at head without being touched again, moved down
 * and stamped, and a revision failing for a few tenants under the default rollout, continue-on-error
 * and a canary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FleetContract {

    protected TestDatabase db;
    protected MigrationRuntime runtime;
    private ScriptSource scripts;

    /** The database this contract runs on. */
    protected abstract DatabaseKind kind();

    /** How many tenant schemas the big cases move. */
    protected abstract int tenants();

    /** The rollout every case starts from. */
    protected abstract RolloutPolicy policy();

    /** The SQLSTATE of {@code CREATE TABLE} on a table that exists. */
    protected abstract String tableExistsState();

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        db = TestDatabases.open(kind());
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

    protected List<FleetTarget> fleet(String prefix, int n) {
        List<FleetTarget> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String schema = schema(prefix, i);
            MigrationTarget target = MigrationTarget.of("it/" + schema, db.url()).withTenant(schema).withCreateSchema(true);
            targets.add(FleetTarget.of(target, scripts, "it", schema));
        }
        return targets;
    }

    protected static String schema(String prefix, int i) {
        return String.format("%s_%03d", prefix, i);
    }

    protected static List<String> keys(FleetResult result, OutcomeStatus status) {
        return result.outcomes().stream().filter(o -> o.status() == status).map(TargetOutcome::key).toList();
    }

    protected FleetResult run(FleetRunner runner, FleetOperation operation, List<FleetTarget> targets,
            RolloutPolicy policy) {
        return runner.run(operation, targets, policy, RunOptions.withNewRunId(), FleetListener.NONE, new Cancellation());
    }

    /** Makes r1 fail for these tenants: their schema already holds an {@code items} table. */
    protected void conflict(String prefix, int... tenants) throws SQLException {
        for (int i : tenants) {
            // Quoted, as Drover names a tenant's schema: H2 would fold an unquoted name to upper case.
            String quoted = '"' + schema(prefix, i) + '"';
            db.execute("CREATE SCHEMA " + quoted, "CREATE TABLE " + quoted + ".items (x INT)");
        }
    }

    /** Counts the targets the runtime was asked to run (each would lock and open transactions). */
    protected static final class CountingExecutor implements TargetExecutor {
        final AtomicInteger calls = new AtomicInteger();
        private final TargetExecutor delegate;

        CountingExecutor(TargetExecutor delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<TargetResult> execute(FleetTarget target, FleetOperation operation, RunOptions options) {
            calls.incrementAndGet();
            return delegate.execute(target, operation, options);
        }
    }

    @Test
    void upgradesThenFindsEveryTenantAtHeadWithoutHandingAnyToTheRuntime() {
        List<FleetTarget> targets = fleet("fa", tenants());

        FleetResult first = run(FleetRunner.on(runtime), FleetOperation.upgrade("head"), targets, policy());

        assertThat(first.count(OutcomeStatus.SUCCEEDED)).as(first.toString()).isEqualTo(tenants());
        assertThat(first.outcomes().get(0).steps()).hasSize(3);
        CountingExecutor counting = new CountingExecutor(new RuntimeTargetExecutor(runtime));
        FleetRunner runner = new FleetRunner(counting, new RuntimeStateReader(runtime), Clock.systemUTC(), System::nanoTime);
        FleetResult again = run(runner, FleetOperation.upgrade("head"), targets, policy());

        assertThat(again.count(OutcomeStatus.UNCHANGED)).isEqualTo(tenants());
        assertThat(counting.calls.get()).as("targets handed to the runtime (lock + transaction)").isZero();
        FleetStatus status = FleetInspector.on(runtime).status(targets);
        assertThat(status.checkPassed()).isTrue();
        assertThat(status.byRevision()).containsExactly(Map.entry("r3", tenants()));
    }

    @Test
    void downgradesAndStampsEveryTenant() {
        List<FleetTarget> targets = fleet("fg", 6);
        run(FleetRunner.on(runtime), FleetOperation.upgrade("head"), targets, policy());

        FleetResult down = run(FleetRunner.on(runtime), FleetOperation.downgrade("r1"), targets, policy());
        assertThat(down.count(OutcomeStatus.SUCCEEDED)).as(down.toString()).isEqualTo(6);
        assertThat(down.outcomes().get(0).to()).containsExactly("r1");

        FleetResult stamped = run(FleetRunner.on(runtime), FleetOperation.stamp(List.of("r2"), false), targets, policy());
        assertThat(stamped.count(OutcomeStatus.SUCCEEDED)).isEqualTo(6);
        assertThat(FleetInspector.on(runtime).status(targets).byRevision()).containsExactly(Map.entry("r2", 6));
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
        assertThat(status.byRevision()).containsExactly(Map.entry("base", 20));
        assertThat(status.checkPassed()).isFalse();
    }

    @Test
    void aRevisionFailingForThreeTenantsStopsTheDefaultRolloutEarly() throws Exception {
        conflict("fb", 7, 11, 18);

        FleetResult result = run(FleetRunner.on(runtime), FleetOperation.upgrade("head"), fleet("fb", tenants()), policy());

        assertThat(result.count(OutcomeStatus.FAILED)).isBetween(1, 3);
        assertThat(result.count(OutcomeStatus.SKIPPED)).isPositive();
        assertThat(result.stopped()).isTrue();
        assertThat(result.exit()).isEqualTo(ExitCode.TARGETS_FAILED);
        TargetOutcome failure = result.outcomes().stream().filter(TargetOutcome::failed).findFirst().orElseThrow();
        assertThat(failure.error().sqlState()).isEqualTo(tableExistsState());
        assertThat(failure.error().revision()).isEqualTo("r1");
    }

    @Test
    void continueOnErrorMovesEveryOtherTenant() throws Exception {
        conflict("fc", 7, 11, 18);

        FleetResult result = run(FleetRunner.on(runtime), FleetOperation.upgrade("head"), fleet("fc", tenants()),
                policy().withContinueOnError());

        assertThat(result.count(OutcomeStatus.SUCCEEDED)).isEqualTo(tenants() - 3);
        assertThat(keys(result, OutcomeStatus.FAILED)).containsExactly("it/fc_007", "it/fc_011", "it/fc_018");
        assertThat(result.stopped()).isFalse();
    }

    @Test
    void aFailingCanaryTouchesNoOtherTenant() throws Exception {
        conflict("fd", 2);

        FleetResult result = run(FleetRunner.on(runtime), FleetOperation.upgrade("head"), fleet("fd", 40),
                policy().withCanary(5));

        assertThat(keys(result, OutcomeStatus.FAILED)).containsExactly("it/fd_002");
        assertThat(keys(result, OutcomeStatus.SKIPPED)).hasSizeGreaterThanOrEqualTo(35)
                .contains("it/fd_005", "it/fd_039");
        FleetStatus status = FleetInspector.on(runtime).status(fleet("fd", 40));
        assertThat(status.targets()).filteredOn(v -> !v.heads().isEmpty())
                .allSatisfy(v -> assertThat(v.key()).isIn(fleet("fd", 5).stream().map(FleetTarget::key).toList()));
    }
}
