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
public record JournalEntry(int schemaVersion, String runId, String group, String decision, String createdAt,
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

    /**
     * A new group's entry, decision {@code none}: participant {@code i} gets the gid
     * {@code drover_<runId>_<i>_<hash of its key>}. A cluster's coordinator journals the entry its agent's
     * {@link TwoPhaseCoordinator} computes from the same run id, group and participants in the same order.
     *
     * @param keys       the participants' target keys, in the group's order
     * @param maskedUrls their masked JDBC URLs (no credentials), in the same order
     * @throws RuntimeException refusing the group when a key appears twice ({@code IllegalArgumentException} when
     *         the run id makes too long a gid)
     */
    public static JournalEntry begin(String runId, String group, List<String> keys, List<String> maskedUrls) {
        List<Participant> journaled = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!seen.add(keys.get(i))) {
                throw new TwoPhaseRefusedException("target '" + keys.get(i) + "' appears twice in two-phase group '"
                        + group + "'; list each target once");
            }
            journaled.add(new Participant(keys.get(i), maskedUrls.get(i), GlobalIds.of(runId, i, keys.get(i))));
        }
        return new JournalEntry(1, runId, group, Decision.NONE.label(), java.time.Instant.now().toString(), journaled);
    }

    /** The participants' gids, in the group's order. */
    public List<String> gids() {
        return participants.stream().map(Participant::gid).toList();
    }

    public JournalEntry withDecision(Decision value) {
        return new JournalEntry(schemaVersion, runId, group, value.label(), createdAt, participants);
    }
}
