package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.ErrorKind;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.StepResult;
import dev.drover.orchestrator.runtime.TargetResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /**
     * A builder for an outcome of {@code target} with {@code status}. The other components start as for a
     * target that did not start: no heads before or after, 0 ms, no steps, no error, no lock timeout, no
     * two-phase details, no throttle wait, never started ({@code startMs} {@code null}) and wave 1 — the
     * values the shorter constructors use.
     *
     * @throws NullPointerException if {@code target} or {@code status} is {@code null}
     */
    public static Builder builder(FleetTarget target, OutcomeStatus status) {
        return new Builder(Objects.requireNonNull(target, "target"), Objects.requireNonNull(status, "status"));
    }

    /** A builder holding every component of this outcome, to change a few of them. */
    public Builder toBuilder() {
        return builder(target, status).from(from).to(to).durationMs(durationMs).steps(steps).error(error)
                .lockTimeout(lockTimeout).twoPhase(twoPhase).throttleWaitMs(throttleWaitMs).startMs(startMs).wave(wave);
    }

    /**
     * Collects the components of a {@link TargetOutcome}; {@link #build()} passes them unchanged to the
     * canonical constructor (which copies the lists). Not thread-safe.
     */
    public static final class Builder {
        private final FleetTarget target;
        private final OutcomeStatus status;
        private List<String> from = List.of();
        private List<String> to = List.of();
        private long durationMs;
        private List<StepResult> steps = List.of();
        private StepError error;
        private boolean lockTimeout;
        private Map<String, Object> twoPhase;
        private long throttleWaitMs;
        private Long startMs;
        private int wave = 1;

        private Builder(FleetTarget target, OutcomeStatus status) {
            this.target = target;
            this.status = status;
        }

        /** @throws NullPointerException if {@code heads} is {@code null} */
        public Builder from(List<String> heads) { from = Objects.requireNonNull(heads, "from"); return this; }
        /** @throws NullPointerException if {@code heads} is {@code null} */
        public Builder to(List<String> heads) { to = Objects.requireNonNull(heads, "to"); return this; }
        /** Sets both {@code from} and {@code to}: a target that stays where it is. */
        public Builder at(List<String> heads) { return from(heads).to(heads); }
        public Builder durationMs(long value) { durationMs = value; return this; }
        /** @throws NullPointerException if {@code value} is {@code null} */
        public Builder steps(List<StepResult> value) { steps = Objects.requireNonNull(value, "steps"); return this; }
        public Builder error(StepError value) { error = value; return this; }
        public Builder lockTimeout(boolean value) { lockTimeout = value; return this; }
        public Builder twoPhase(Map<String, Object> value) { twoPhase = value; return this; }
        public Builder throttleWaitMs(long value) { throttleWaitMs = value; return this; }
        public Builder startMs(Long value) { startMs = value; return this; }
        public Builder wave(int value) { wave = value; return this; }

        public TargetOutcome build() {
            return new TargetOutcome(target, status, from, to, durationMs, steps, error, lockTimeout, twoPhase,
                    throttleWaitMs, startMs, wave);
        }
    }

    /** This outcome with the time it waited for its server's throttle. */
    TargetOutcome withThrottleWait(long ms) {
        return toBuilder().throttleWaitMs(ms).build();
    }

    /** This outcome placed on the run's timeline: its start (null: never started) and its rollout phase. */
    public TargetOutcome withTiming(Long startMs, int wave) {
        return toBuilder().startMs(startMs).wave(wave).build();
    }

    /** A target that never started because its server gave up on its throttle. */
    static TargetOutcome throttled(FleetTarget target, String why) {
        return builder(target, OutcomeStatus.THROTTLED)
                .error(new StepError(null, null, null, null, why + "; the target did not start; run the command "
                        + "again when the server is less busy", ErrorKind.THROTTLED, null, List.of()))
                .build();
    }

    /** The outcome of a target the runtime ran: a failure's kind may give it its own status. */
    static TargetOutcome of(FleetTarget target, TargetResult result) {
        return builder(target, switch (result.status()) {
            case SUCCEEDED -> OutcomeStatus.SUCCEEDED;
            case UNCHANGED -> OutcomeStatus.UNCHANGED;
            case FAILED -> failureStatus(result.error());
        }).from(result.from()).to(result.to()).durationMs(result.durationMs()).steps(result.steps())
                .error(result.error()).build();
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
        return builder(target, OutcomeStatus.UNCHANGED).at(heads).build();
    }

    /** A target that did not start. */
    public static TargetOutcome notStarted(FleetTarget target, OutcomeStatus status) {
        return builder(target, status).build();
    }

    public String key() {
        return target.key();
    }

    /** Failed, timed out on a lock, or throttled out (see {@link OutcomeStatus#isFailure()}). */
    public boolean failed() {
        return status.isFailure();
    }
}
