package dev.drover.orchestrator.runtime;

import java.util.Locale;

/** What kind of failure a {@link StepError} is, when it is more than "a statement failed" (report {@code error.kind}). */
public enum ErrorKind {
    /** A statement gave up waiting for a lock on every attempt (lock_timeout, lock_retries). */
    LOCK_TIMEOUT,
    /** A statement ran longer than statement_timeout and was cancelled. */
    STATEMENT_TIMEOUT,
    /** The target's server stayed above its throttle for longer than throttle_wait. */
    THROTTLED;

    /** The report spelling: {@code lock_timeout}, {@code statement_timeout}, {@code throttled}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
