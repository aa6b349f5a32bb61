package dev.drover.cli;

/** A failure the CLI reports as one line and an exit code, e.g. a directory that is not empty. */
public final class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A usage or configuration error (exit 2). */
    public static CliException usage(String message) {
        return new CliException(message, ExitCodes.USAGE_OR_CONFIG);
    }

    public int exitCode() {
        return exitCode;
    }
}
