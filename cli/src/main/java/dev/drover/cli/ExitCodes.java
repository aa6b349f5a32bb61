package dev.drover.cli;

/** Exit codes of docs/cli.md. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int TARGETS_FAILED = 1;
    public static final int USAGE_OR_CONFIG = 2;
    public static final int LOCK_TIMEOUT = 3;
    public static final int IN_DOUBT = 4;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
