package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetOutcomeTest {

    private final FleetTarget target = Fleets.targets(1).get(0);

    @Test
    void builderDefaultsAreThoseOfTheShortConstructor() {
        assertThat(TargetOutcome.builder(target, OutcomeStatus.SKIPPED).build()).isEqualTo(
                new TargetOutcome(target, OutcomeStatus.SKIPPED, List.of(), List.of(), 0, List.of(), null, false, null));
        assertThat(TargetOutcome.builder(target, OutcomeStatus.SKIPPED).build().wave()).isEqualTo(1);
        assertThat(TargetOutcome.builder(target, OutcomeStatus.SKIPPED).build().startMs()).isNull();
    }

    @Test
    void builderSetsEveryComponentAndToBuilderRoundTrips() {
        List<StepResult> steps = List.of(new StepResult("a1", dev.drover.orchestrator.graph.Direction.UPGRADE, 7, 2, 0));
        StepError error = StepError.of("a2", "boom");
        TargetOutcome outcome = TargetOutcome.builder(target, OutcomeStatus.FAILED).from(List.of("base"))
                .to(List.of("a1")).durationMs(42).steps(steps).error(error).lockTimeout(true)
                .twoPhase(Map.of("gid", "g1")).throttleWaitMs(5).startMs(3L).wave(0).build();
        assertThat(outcome).isEqualTo(new TargetOutcome(target, OutcomeStatus.FAILED, List.of("base"), List.of("a1"),
                42, steps, error, true, Map.of("gid", "g1"), 5, 3L, 0));
        assertThat(outcome.toBuilder().build()).isEqualTo(outcome);
        assertThat(outcome.withTiming(9L, 2)).isEqualTo(outcome.toBuilder().startMs(9L).wave(2).build());
        assertThat(TargetOutcome.builder(target, OutcomeStatus.UNCHANGED).at(List.of("a1")).build().from())
                .containsExactly("a1");
    }
}
