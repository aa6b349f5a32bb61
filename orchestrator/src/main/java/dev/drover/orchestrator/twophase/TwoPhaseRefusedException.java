package dev.drover.orchestrator.twophase;

/**
 * A two-phase group was refused in pre-flight, before any participant was touched: a participant
 * is not PostgreSQL, a server's {@code max_prepared_transactions} is too small, or two participants
 * share a version table. The message names the target or (masked) server and ends with the fix.
 * The CLI exits with 2 (configuration error before any target changed).
 */
class TwoPhaseRefusedException extends RuntimeException {

    public TwoPhaseRefusedException(String message) {
        super(message);
    }
}
