package dev.drover.orchestrator.fleet;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a fleet run: one entry per target, in the order given.
 *
 * @param runId       the run id written to history rows
 * @param command     {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param destination as the user wrote it
 * @param startedAt   wall clock at start
 * @param finishedAt  wall clock at end
 * @param durationMs  measured with the monotonic clock
 * @param outcomes    per target, in rollout order
 * @param stopped     the rollout policy stopped the run early (targets were skipped)
 * @param cancelled   the run was cancelled
 * @param throttles   per server that was throttled at some point
 */
public record FleetResult(String runId, String command, String destination, Instant startedAt, Instant finishedAt,
        long durationMs, List<TargetOutcome> outcomes, boolean stopped, boolean cancelled,
        List<ThrottleSummary> throttles) {

    public FleetResult {
        outcomes = List.copyOf(outcomes);
        throttles = List.copyOf(throttles);
    }

    public FleetResult(String runId, String command, String destination, Instant startedAt, Instant finishedAt,
            long durationMs, List<TargetOutcome> outcomes, boolean stopped, boolean cancelled) {
        this(runId, command, destination, startedAt, finishedAt, durationMs, outcomes, stopped, cancelled, List.of());
    }

    /** Number of targets with {@code status}. */
    public int count(OutcomeStatus status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Whether any target failed on a lock timeout. */
    public boolean anyLockTimeout() {
        return outcomes.stream().anyMatch(TargetOutcome::lockTimeout);
    }

    /**
     * The process exit code: 4 in doubt, 3 target lock not acquired, 130 cancelled, 1 failed (also on
     * a database lock timeout or a throttle that never cleared) or stopped, 0 otherwise; the number of
     * {@link #exit()}.
     */
    public int exitCode() {
        return exit().code();
    }

    /** The exit code this result calls for; see {@link ExitCode} for the order when several apply. */
    public ExitCode exit() {
        if (count(OutcomeStatus.IN_DOUBT) > 0) {
            return ExitCode.IN_DOUBT;
        }
        if (anyLockTimeout()) {
            return ExitCode.LOCK_TIMEOUT;
        }
        if (cancelled) {
            return ExitCode.INTERRUPTED;
        }
        return stopped || outcomes.stream().anyMatch(TargetOutcome::failed) ? ExitCode.TARGETS_FAILED : ExitCode.OK;
    }
}
