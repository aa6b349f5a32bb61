package dev.drover.orchestrator.twophase;

import java.util.List;

/**
 * One journal file: a two-phase group of one run, its participants and the decision. Holds no
 * credentials: URLs are masked; {@code drover recover} reconnects through the target keys.
 *
 * @param schemaVersion format version, currently 1
 * @param runId         the run id
 * @param group         the group name (e.g. the tenant; empty for sections without tenants)
 * @param decision      {@code none} or {@code commit} (see {@link Decision})
 * @param createdAt     ISO-8601 instant the group started
 * @param participants  every participant with its gid
 */
record JournalEntry(int schemaVersion, String runId, String group, String decision, String createdAt,
        List<Participant> participants) {

    /**
     * @param key the target key ({@code recover} maps it back to a connection)
     * @param url the masked JDBC URL, for messages
     * @param gid the global transaction id
     */
    public record Participant(String key, String url, String gid) {}

    public JournalEntry {
        participants = List.copyOf(participants);
    }

    public Decision decisionValue() {
        return Decision.parse(decision);
    }

    public JournalEntry withDecision(Decision value) {
        return new JournalEntry(schemaVersion, runId, group, value.label(), createdAt, participants);
    }
}
