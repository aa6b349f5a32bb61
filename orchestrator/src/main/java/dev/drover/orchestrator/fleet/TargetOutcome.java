package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.StepResult;
import dev.drover.orchestrator.runtime.TargetResult;
import java.util.List;
import java.util.Map;

/**
 * What happened to one target in a fleet run: a report {@code targets[]} entry.
 *
 * @param target      the fleet target
 * @param status      the outcome
 * @param from        heads before the run (empty when unknown, e.g. skipped targets)
 * @param to          heads after the run
 * @param durationMs  wall time of the target (0 when not started)
 * @param steps       revisions that ran and committed
 * @param error       why it failed, or {@code null}
 * @param lockTimeout the target lock was not acquired in time (the CLI exits 3)
 * @param twoPhase    two-phase commit details (global id, state...), or {@code null}
 */
public record TargetOutcome(FleetTarget target, OutcomeStatus status, List<String> from, List<String> to,
        long durationMs, List<StepResult> steps, StepError error, boolean lockTimeout, Map<String, Object> twoPhase) {

    public TargetOutcome {
        from = List.copyOf(from);
        to = List.copyOf(to);
        steps = List.copyOf(steps);
    }

    /** The outcome of a target the runtime ran. */
    static TargetOutcome of(FleetTarget target, TargetResult result) {
        return new TargetOutcome(target, switch (result.status()) {
            case SUCCEEDED -> OutcomeStatus.SUCCEEDED;
            case UNCHANGED -> OutcomeStatus.UNCHANGED;
            case FAILED -> OutcomeStatus.FAILED;
        }, result.from(), result.to(), result.durationMs(), result.steps(), result.error(), false, null);
    }

    /** A target found at the destination by the batched read: no lock, no transaction. */
    static TargetOutcome unchanged(FleetTarget target, List<String> heads) {
        return new TargetOutcome(target, OutcomeStatus.UNCHANGED, heads, heads, 0, List.of(), null, false, null);
    }

    /** A target that did not start. */
    static TargetOutcome notStarted(FleetTarget target, OutcomeStatus status) {
        return new TargetOutcome(target, status, List.of(), List.of(), 0, List.of(), null, false, null);
    }

    public String key() {
        return target.key();
    }

    public boolean failed() {
        return status == OutcomeStatus.FAILED;
    }
}
