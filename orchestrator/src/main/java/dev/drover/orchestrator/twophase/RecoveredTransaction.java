package dev.drover.orchestrator.twophase;

/**
 * One in-doubt transaction seen by {@code drover recover}.
 *
 * @param gid       the global transaction id
 * @param targetKey the participant's target key from the journal, or {@code null} for an orphan
 * @param database  the database address (masked, no credentials)
 * @param action    what was done
 * @param detail    why, and for anything unresolved the next step for the user
 */
public record RecoveredTransaction(String gid, String targetKey, String database, RecoveryAction action,
        String detail) {}
