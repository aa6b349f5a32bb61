package dev.drover.orchestrator.graph;

/**
 * A revision graph problem: cycle, missing parent, duplicate id, unknown or ambiguous specifier,
 * several heads where one is needed. The message names the revision(s) and their source files,
 * and ends with the next action. The CLI maps it to exit code 2.
 */
public class RevisionException extends RuntimeException {
    public RevisionException(String message) {
        super(message);
    }
}
