package dev.drover.orchestrator.script;

/**
 * A version location or script file cannot be read or written: a missing directory, an I/O error,
 * a file that is not UTF-8, a revision file that already exists. The message names the path and
 * ends with the next action. The CLI maps it to exit code 2.
 */
public class ScriptFileException extends RuntimeException {
    public ScriptFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public ScriptFileException(String message) {
        super(message);
    }
}
