package dev.drover.orchestrator.store;

/**
 * One row of the history table.
 *
 * @param revision       the revision id
 * @param direction      {@code upgrade} or {@code downgrade}
 * @param checksum       the script checksum when it ran ({@code v1:sha256:...}), may be {@code null}
 * @param status         {@link #STARTED}, {@link #DONE}, {@link #REPAIRED}, {@link #ACCEPTED} or {@link #TIMED_OUT}
 * @param statementCount statements committed (progress of a started row; total of a done row)
 * @param runId          the run that wrote the row
 * @param startedAt      as read back from the database (text), may be {@code null}
 */
public record HistoryRow(String revision, String direction, String checksum, String status,
        int statementCount, String runId, String startedAt) {

    /** A non-transactional revision began and has not finished (or was interrupted). */
    public static final String STARTED = "started";
    /** The revision ran completely and the version table was updated. */
    public static final String DONE = "done";
    /** A started row cleared by {@code drover stamp} after a manual repair. */
    public static final String REPAIRED = "repaired";
    /**
     * {@code drover repair} accepted an edited script of an applied revision: the row carries the new
     * checksum (direction {@code upgrade}, no statements), so later runs and {@code check} compare with it.
     */
    public static final String ACCEPTED = "accepted";
    /**
     * A non-transactional revision stopped by a lock or statement timeout: its first {@code statementCount}
     * statements committed, the next one gave up (the database undid it); the next run resumes it there.
     */
    public static final String TIMED_OUT = "timed_out";
}
