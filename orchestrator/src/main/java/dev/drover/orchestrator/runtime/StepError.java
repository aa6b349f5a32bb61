package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.lock.Blocker;
import java.util.List;

/**
 * Why a target failed: report {@code error}. For a failing statement, {@code statement} is its
 * 1-based index within the revision's section and {@code line} its line in the script file; both
 * are {@code null} for failures outside a statement (refusals, version table, commit).
 *
 * @param kind     what kind of failure, or {@code null} for an ordinary one (a statement or bookkeeping error)
 * @param attempts for a lock timeout, how many times the statement's unit ran (1 + retries); else {@code null}
 * @param blockers the sessions seen blocking the statement while it waited (lock timeouts; may be empty)
 */
public record StepError(String revision, Integer statement, Integer line, String sqlState, String message,
        ErrorKind kind, Integer attempts, List<Blocker> blockers) {

    public StepError {
        blockers = blockers == null ? List.of() : List.copyOf(blockers);
    }

    /** An ordinary failure. */
    public StepError(String revision, Integer statement, Integer line, String sqlState, String message) {
        this(revision, statement, line, sqlState, message, null, null, List.of());
    }

    /** A failure that is not a statement's: a refusal before anything ran, or a bookkeeping failure. */
    public static StepError of(String revision, String message) {
        return new StepError(revision, null, null, null, message);
    }

    /** Whether this is a failure of {@code kind}. */
    public boolean is(ErrorKind other) {
        return kind == other;
    }
}
