package dev.drover.orchestrator.fleet;

import java.util.Locale;

/** A target's outcome in a fleet run, as in the run report (docs/report.md). */
public enum OutcomeStatus {
    SUCCEEDED,
    /** Already at the destination: nothing ran. */
    UNCHANGED,
    FAILED,
    /**
     * Failed because a statement gave up waiting for a lock on every attempt (lock_timeout, lock_retries);
     * what committed before stays committed, and a later run continues from there.
     */
    LOCK_TIMEOUT,
    /** Not started (or stopped between revisions) because its server stayed throttled longer than throttle_wait. */
    THROTTLED,
    /** Not started because the rollout stopped (failure budget or failed canary). */
    SKIPPED,
    /** Not started because the run was cancelled. */
    CANCELLED,
    /** Prepared in a two-phase transaction whose outcome is unknown; resolve with {@code drover recover}. */
    IN_DOUBT;

    /** The report spelling: {@code succeeded}, ..., {@code lock_timeout}, {@code in_doubt}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the target failed: counted by the failure budget, and the run exits 1. */
    public boolean isFailure() {
        return this == FAILED || this == LOCK_TIMEOUT || this == THROTTLED;
    }
}
