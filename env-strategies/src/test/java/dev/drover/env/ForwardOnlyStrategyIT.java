package dev.drover.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.env.examples.ForwardOnlyStrategy;
import dev.drover.registry.RegistryLoader;
import dev.drover.registry.RegistryTarget;
import dev.drover.registry.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.drover.orchestrator.fleet.Cancellation;
import dev.drover.orchestrator.fleet.FleetListener;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetResult;
import dev.drover.orchestrator.fleet.OutcomeStatus;
import dev.drover.orchestrator.fleet.RolloutPolicy;
import dev.drover.orchestrator.fleet.TargetOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example strategy, end to end on embedded H2: upgrades run, a downgrade is vetoed online and offline. */
class ForwardOnlyStrategyIT {

    @TempDir
    Path tmp;

    @Test
    void downgradesAreRefusedBeforeAnythingRuns() throws Exception {
        Files.createDirectories(tmp.resolve("versions"));
        Files.writeString(tmp.resolve("versions/aaa001_t.sql"), "-- revision: aaa001\n-- down_revision:\n\n"
                + "-- drover:upgrade\nCREATE TABLE t (id INT);\n\n-- drover:downgrade\nDROP TABLE t;\n");
        Files.writeString(tmp.resolve("drover.ini"), "[drover]\ndatabases = app\n[app]\nurl = jdbc:h2:mem:forward"
                + ";DB_CLOSE_DELAY=-1\ntenants = acme, globex\ncreate_schema = true\nversion_locations = %(here)s/versions\n"
                + "strategy = " + ForwardOnlyStrategy.class.getName() + "\n");
        List<RegistryTarget> targets = new RegistryLoader().env(Map.of()).load(tmp.resolve("drover.ini"))
                .targets(Selection.all()).targets();
        try (Fleet fleet = Fleet.of(targets, Map.of(), null)) {
            RolloutPolicy policy = fleet.defaultPolicy(2);
            FleetResult up = fleet.run(FleetOperation.upgrade("head"), policy, FleetListener.NONE, new Cancellation());
            assertThat(up.outcomes()).extracting(TargetOutcome::status)
                    .containsExactly(OutcomeStatus.SUCCEEDED, OutcomeStatus.SUCCEEDED);
            FleetResult down = fleet.run(FleetOperation.downgrade("base"), policy, FleetListener.NONE, new Cancellation());
            assertThat(down.outcomes()).extracting(TargetOutcome::status)
                    .containsExactly(OutcomeStatus.FAILED, OutcomeStatus.SKIPPED);
            assertThat(down.outcomes().get(0).error().message()).contains("forward-only").contains("'aaa001'");
            assertThat(down.outcomes().get(0).to()).containsExactly("aaa001");
            assertThatThrownBy(() -> fleet.sql(FleetOperation.downgrade("head:base"), null))
                    .isInstanceOf(PlanVetoedException.class);
        }
    }
}
