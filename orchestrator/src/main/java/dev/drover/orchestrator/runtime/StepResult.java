package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.graph.Direction;

/** One revision that ran and committed: report {@code steps[]} entry. */
public record StepResult(String revision, Direction direction, long durationMs, int statements) {}
