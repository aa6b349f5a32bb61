package dev.drover.orchestrator.fleet;

import java.util.Locale;

/** A target's outcome in a fleet run, as in the run report (DESIGN.md section 7). */
public enum OutcomeStatus {
    SUCCEEDED,
    /** Already at the destination: nothing ran. */
    UNCHANGED,
    FAILED,
    /** Not started because the rollout stopped (failure budget or failed canary). */
    SKIPPED,
    /** Not started because the run was cancelled. */
    CANCELLED,
    /** Prepared in a two-phase transaction whose outcome is unknown; resolve with {@code drover recover}. */
    IN_DOUBT;

    /** The report spelling: {@code succeeded}, ..., {@code in_doubt}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
