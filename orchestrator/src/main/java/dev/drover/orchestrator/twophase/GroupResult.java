package dev.drover.orchestrator.twophase;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one two-phase group.
 *
 * @param runId        the run id (part of every gid)
 * @param group        the group name given by the caller (e.g. the tenant)
 * @param decision     {@link Decision#COMMIT} once the decision was durably written
 * @param participants one result per participant, in the caller's order
 * @param journalFile  the journal file left for {@code drover recover}, or {@code null} when the group
 *                     ended cleanly (the file is deleted then)
 */
public record GroupResult(String runId, String group, Decision decision, List<ParticipantResult> participants,
        Path journalFile) {

    public GroupResult {
        participants = List.copyOf(participants);
    }

    /** Some participant is in doubt: the CLI exits with 4 and tells the user to run {@code drover recover}. */
    public boolean inDoubt() {
        return participants.stream().anyMatch(p -> p.status() == ParticipantStatus.IN_DOUBT);
    }

    /** Some participant failed or was skipped (the group was rolled back): exit 1 unless {@link #inDoubt()}. */
    public boolean failed() {
        return participants.stream().anyMatch(p -> p.status() == ParticipantStatus.FAILED
                || p.status() == ParticipantStatus.SKIPPED);
    }
}
