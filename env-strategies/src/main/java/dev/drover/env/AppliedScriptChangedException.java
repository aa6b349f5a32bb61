package dev.drover.env;

/**
 * An applied revision's script differs from the one that ran (checksum in the history table); thrown
 * before any target of the run changed. The CLI exits with code 2.
 */
public final class AppliedScriptChangedException extends RuntimeException {

    AppliedScriptChangedException(String message) {
        super(message);
    }
}
