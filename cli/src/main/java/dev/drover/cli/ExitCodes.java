package dev.drover.cli;

import dev.drover.orchestrator.fleet.ExitCode;

/** {@link ExitCode}'s numbers as the {@code int} constants picocli's {@code call()} returns. */
public final class ExitCodes {
    public static final int OK = ExitCode.OK.code();
    public static final int TARGETS_FAILED = ExitCode.TARGETS_FAILED.code();
    public static final int USAGE_OR_CONFIG = ExitCode.USAGE_OR_CONFIG.code();
    public static final int LOCK_TIMEOUT = ExitCode.LOCK_TIMEOUT.code();
    public static final int IN_DOUBT = ExitCode.IN_DOUBT.code();
    public static final int INTERRUPTED = ExitCode.INTERRUPTED.code();

    private ExitCodes() {}
}
