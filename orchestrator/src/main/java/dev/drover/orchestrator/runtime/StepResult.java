package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.graph.Direction;

/**
 * One revision that ran and committed: report {@code steps[]} entry.
 *
 * @param lockRetries how many times a lock timeout made it (or one of its statements) run again
 */
public record StepResult(String revision, Direction direction, long durationMs, int statements, int lockRetries) {

    public StepResult(String revision, Direction direction, long durationMs, int statements) {
        this(revision, direction, durationMs, statements, 0);
    }
}
