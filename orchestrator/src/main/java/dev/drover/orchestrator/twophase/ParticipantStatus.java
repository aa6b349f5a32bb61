package dev.drover.orchestrator.twophase;

import java.util.Locale;

/** A participant's outcome, spelled as the run report's status values (docs/report.md). */
public enum ParticipantStatus {
    /** Committed (COMMIT PREPARED confirmed). */
    SUCCEEDED,
    /** Already at the destination: nothing prepared. */
    UNCHANGED,
    /** Failed itself, or rolled back with its group; nothing of it remains. */
    FAILED,
    /** Not started: an earlier participant failed. */
    SKIPPED,
    /** Prepared but not confirmed committed (or not confirmed rolled back): run {@code drover recover}. */
    IN_DOUBT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
