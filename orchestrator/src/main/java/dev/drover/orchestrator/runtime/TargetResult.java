package dev.drover.orchestrator.runtime;

import java.util.List;

/**
 * The outcome of one command on one target, aligned with a report {@code targets[]} entry.
 *
 * @param key        the target key
 * @param status     succeeded, unchanged or failed
 * @param from       heads read after taking the target lock, before anything ran
 * @param to         heads at the end (re-read from the version table, also after a failure)
 * @param durationMs wall time including the lock wait
 * @param steps      revisions that ran and committed, in order
 * @param error      why it failed, or {@code null}
 */
public record TargetResult(String key, TargetStatus status, List<String> from, List<String> to, long durationMs,
        List<StepResult> steps, StepError error) {

    public TargetResult {
        from = List.copyOf(from);
        to = List.copyOf(to);
        steps = List.copyOf(steps);
    }

    public boolean failed() {
        return status == TargetStatus.FAILED;
    }
}
