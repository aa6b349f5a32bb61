package dev.drover.orchestrator.fleet;

/**
 * Drover's process exit codes, the one place their numbers are written down (docs/ and the CLI
 * take them from here). When several apply to one run, {@link FleetResult#exit()} picks the most
 * urgent: {@link #IN_DOUBT}, then {@link #LOCK_TIMEOUT}, {@link #INTERRUPTED}, {@link #TARGETS_FAILED}.
 */
public enum ExitCode {
    /** Everything asked for is done (or there was nothing to do). */
    OK(0),
    /** At least one target failed, was skipped after a failure, or drifted from what was asked. */
    TARGETS_FAILED(1),
    /** Bad usage, configuration or scripts: refused before any target changed. */
    USAGE_OR_CONFIG(2),
    /** A target lock (or, with lock retries used up, a table lock) could not be taken in time. */
    LOCK_TIMEOUT(3),
    /** A two-phase group is in doubt: run {@code drover recover}. */
    IN_DOUBT(4),
    /** Interrupted (Ctrl-C): the code of a SIGINT, as shells expect. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** @return the number the process exits with */
    public int code() {
        return code;
    }
}
