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

/** The per-target read path (dialects without a bulk read) and downgrade/stamp through the runner, on H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetH2IT {

    private TestDatabase db;
    private MigrationRuntime runtime;
    private ScriptSource scripts;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        db = TestDatabases.open(DatabaseKind.H2);
        runtime = new MigrationRuntime(4);
        Path folder = Files.createDirectories(dir.resolve("versions"));
        Files.writeString(folder.resolve("h1_rev.sql"), "-- revision: h1\n-- down_revision: \n-- message: h1\n\n"
                + "-- drover:upgrade\nCREATE TABLE h1_t (id INT);\n\n-- drover:downgrade\nDROP TABLE h1_t;\n");
        Files.writeString(folder.resolve("h2_rev.sql"), "-- revision: h2\n-- down_revision: h1\n-- message: h2\n\n"
                + "-- drover:upgrade\nCREATE TABLE h2_t (id INT);\n\n-- drover:downgrade\nDROP TABLE h2_t;\n");
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

    @Test
    void upgradeNoOpDowngradeAndStampAcrossTenantSchemas() {
        List<FleetTarget> targets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String schema = "HT" + i;
            targets.add(FleetTarget.of(MigrationTarget.of("h2/" + schema, db.url()).withTenant(schema)
                    .withCreateSchema(true), scripts, "h2", schema));
        }
        AtomicInteger calls = new AtomicInteger();
        RuntimeTargetExecutor real = new RuntimeTargetExecutor(runtime);
        TargetExecutor counting = (FleetTarget t, FleetOperation op, RunOptions o) -> {
            calls.incrementAndGet();
            CompletionStage<TargetResult> stage = real.execute(t, op, o);
            return stage;
        };
        FleetRunner runner = new FleetRunner(counting, new RuntimeStateReader(runtime), Clock.systemUTC(), System::nanoTime);
        // One at a time: concurrent DDL of several tenants in one H2 database times out on H2's "SYS" table
        // lock while another target's lock-row transaction is open (HYT00); a runtime limitation on H2.
        RolloutPolicy policy = RolloutPolicy.defaults().withConcurrency(1);

        FleetResult up = runner.run(FleetOperation.upgrade("head"), targets, policy, RunOptions.withNewRunId(),
                FleetListener.NONE, new Cancellation());
        assertThat(up.count(OutcomeStatus.SUCCEEDED)).as(up.toString()).isEqualTo(6);

        calls.set(0);
        FleetResult again = runner.run(FleetOperation.upgrade("head"), targets, policy, RunOptions.withNewRunId(),
                FleetListener.NONE, new Cancellation());
        assertThat(again.count(OutcomeStatus.UNCHANGED)).isEqualTo(6);
        assertThat(calls.get()).isZero();
        assertThat(FleetInspector.on(runtime).status(targets).checkPassed()).isTrue();

        FleetResult down = runner.run(FleetOperation.downgrade("h1"), targets, policy, RunOptions.withNewRunId(),
                FleetListener.NONE, new Cancellation());
        assertThat(down.count(OutcomeStatus.SUCCEEDED)).isEqualTo(6);
        assertThat(down.outcomes().get(0).to()).containsExactly("h1");

        FleetResult stamped = runner.run(FleetOperation.stamp(List.of("h2"), false), targets, policy,
                RunOptions.withNewRunId(), FleetListener.NONE, new Cancellation());
        assertThat(stamped.count(OutcomeStatus.SUCCEEDED)).isEqualTo(6);
        FleetStatus status = FleetInspector.on(runtime).status(targets);
        assertThat(status.byRevision()).containsExactly(Map.entry("h2", 6));
    }
}
