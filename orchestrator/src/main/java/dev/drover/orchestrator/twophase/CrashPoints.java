package dev.drover.orchestrator.twophase;

/**
 * Named points where tests make the coordinator die as a crashed process would: when the system
 * property {@code drover.crashAt} names the point reached, the JVM halts at once with status 137
 * (no shutdown hooks, no finally blocks, connections dropped by the operating system).
 */
public final class CrashPoints {

    public static final String PROPERTY = "drover.crashAt";
    /** Every participant prepared; the COMMIT decision not yet written. */
    public static final String AFTER_PREPARE = "after-prepare";
    /** The COMMIT decision is durable; no COMMIT PREPARED sent yet. */
    public static final String AFTER_DECISION = "after-decision";
    /** The first participant committed, the others still prepared. */
    public static final String AFTER_FIRST_COMMIT = "after-first-commit";

    private CrashPoints() {}

    static void reach(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            Runtime.getRuntime().halt(137);
        }
    }
}
