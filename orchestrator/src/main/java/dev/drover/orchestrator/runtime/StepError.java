package dev.drover.orchestrator.runtime;

/**
 * Why a target failed: report {@code error}. For a failing statement, {@code statement} is its
 * 1-based index within the revision's section and {@code line} its line in the script file; both
 * are {@code null} for failures outside a statement (refusals, version table, commit).
 */
public record StepError(String revision, Integer statement, Integer line, String sqlState, String message) {

    /** A failure that is not a statement's: a refusal before anything ran, or a bookkeeping failure. */
    public static StepError of(String revision, String message) {
        return new StepError(revision, null, null, null, message);
    }
}
