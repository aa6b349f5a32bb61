package dev.drover.orchestrator.graph;

import java.util.Objects;

/**
 * One step of a plan: run {@code revision}'s upgrade or downgrade section, then apply
 * {@code delta} to the version table in the same transaction.
 */
public record MigrationStep(Revision revision, Direction direction, VersionDelta delta) {
    public MigrationStep {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(delta, "delta");
    }
}
