package dev.drover.orchestrator.twophase;

import java.util.Locale;

/** What {@code drover recover} did with one prepared transaction. */
public enum RecoveryAction {
    /** The journal holds the COMMIT decision: {@code COMMIT PREPARED}. */
    COMMITTED,
    /** No decision, or (with force) no journal at all: presumed abort, {@code ROLLBACK PREPARED}. */
    ROLLED_BACK,
    /** A Drover gid no journal knows; left untouched without {@code --force}. */
    ORPHAN,
    /** Its target lock is held: a run may still be deciding; left untouched. */
    BUSY,
    /** Its participant is not among the configured targets, or its database cannot be reached. */
    UNREACHABLE,
    /** The server refused to resolve it. */
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the transaction is gone after this action. */
    public boolean resolved() {
        return this == COMMITTED || this == ROLLED_BACK;
    }
}
