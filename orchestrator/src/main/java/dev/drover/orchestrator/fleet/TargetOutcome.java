package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.ErrorKind;
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
 * @param throttleWaitMs how long it waited between revisions for its server's throttle
 * @param startMs     when it started, in milliseconds since the run started, or {@code null} when it never started
 *                    (the report's timeline places it there)
 * @param wave        its rollout phase: {@code 0} the canary, {@code 1..n} the waves (1 when there are no waves)
 */
public record TargetOutcome(FleetTarget target, OutcomeStatus status, List<String> from, List<String> to,
        long durationMs, List<StepResult> steps, StepError error, boolean lockTimeout, Map<String, Object> twoPhase,
        long throttleWaitMs, Long startMs, int wave) {

    public TargetOutcome {
        from = List.copyOf(from);
        to = List.copyOf(to);
        steps = List.copyOf(steps);
    }

    public TargetOutcome(FleetTarget target, OutcomeStatus status, List<String> from, List<String> to,
            long durationMs, List<StepResult> steps, StepError error, boolean lockTimeout, Map<String, Object> twoPhase) {
        this(target, status, from, to, durationMs, steps, error, lockTimeout, twoPhase, 0);
    }

    public TargetOutcome(FleetTarget target, OutcomeStatus status, List<String> from, List<String> to,
            long durationMs, List<StepResult> steps, StepError error, boolean lockTimeout, Map<String, Object> twoPhase,
            long throttleWaitMs) {
        this(target, status, from, to, durationMs, steps, error, lockTimeout, twoPhase, throttleWaitMs, null, 1);
    }

    /** This outcome with the time it waited for its server's throttle. */
    TargetOutcome withThrottleWait(long ms) {
        return new TargetOutcome(target, status, from, to, durationMs, steps, error, lockTimeout, twoPhase, ms,
                startMs, wave);
    }

    /** This outcome placed on the run's timeline: its start (null: never started) and its rollout phase. */
    public TargetOutcome withTiming(Long startMs, int wave) {
        return new TargetOutcome(target, status, from, to, durationMs, steps, error, lockTimeout, twoPhase,
                throttleWaitMs, startMs, wave);
    }

    /** A target that never started because its server gave up on its throttle. */
    static TargetOutcome throttled(FleetTarget target, String why) {
        return new TargetOutcome(target, OutcomeStatus.THROTTLED, List.of(), List.of(), 0, List.of(),
                new StepError(null, null, null, null, why + "; the target did not start; run the command again when "
                        + "the server is less busy", ErrorKind.THROTTLED, null, List.of()), false, null);
    }

    /** The outcome of a target the runtime ran: a failure's kind may give it its own status. */
    static TargetOutcome of(FleetTarget target, TargetResult result) {
        return new TargetOutcome(target, switch (result.status()) {
            case SUCCEEDED -> OutcomeStatus.SUCCEEDED;
            case UNCHANGED -> OutcomeStatus.UNCHANGED;
            case FAILED -> failureStatus(result.error());
        }, result.from(), result.to(), result.durationMs(), result.steps(), result.error(), false, null);
    }

    /** {@code lock_timeout} or {@code throttled} for those kinds of error, else {@code failed}. */
    public static OutcomeStatus failureStatus(StepError error) {
        if (error != null && error.is(ErrorKind.LOCK_TIMEOUT)) {
            return OutcomeStatus.LOCK_TIMEOUT;
        }
        return error != null && error.is(ErrorKind.THROTTLED) ? OutcomeStatus.THROTTLED : OutcomeStatus.FAILED;
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

    /** Failed, timed out on a lock, or throttled out (see {@link OutcomeStatus#isFailure()}). */
    public boolean failed() {
        return status.isFailure();
    }
}
