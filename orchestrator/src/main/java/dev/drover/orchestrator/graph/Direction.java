package dev.drover.orchestrator.graph;

/** Which way a {@link MigrationStep} moves a target. */
public enum Direction {
    UPGRADE,
    DOWNGRADE;

    /** Lower-case name as used in reports and history rows ({@code upgrade}, {@code downgrade}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
