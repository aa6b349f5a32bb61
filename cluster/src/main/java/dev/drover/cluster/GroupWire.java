package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.twophase.JournalEntry;
import dev.drover.orchestrator.twophase.ParticipantResult;
import dev.drover.orchestrator.twophase.RecoveredTransaction;
import java.util.List;
import java.util.Map;

/**
 * The two-phase messages between a coordinator and its agents, sealed like every {@link Wire} message. As there,
 * no message carries a URL with credentials: participants are named by section, tenant and key (journal entries
 * hold masked URLs only).
 */
final class GroupWire {

    private GroupWire() {}

    /** A participant of a group: the agent finds it in its own configuration and checks its scripts. */
    record Member(String section, String tenant, String key, Map<String, String> checksums) {}

    /**
     * One two-phase group to run on one agent.
     *
     * @param gids        the gids the coordinator journaled, in the members' order: the agent refuses other ones
     * @param journalFile the coordinator's journal file of the group, for messages
     * @param decideAt    where the agent asks for the COMMIT decision once every member is prepared
     */
    record GroupTask(long taskId, long issuedAt, String runId, String group, String command, String destination,
            List<Member> members, List<String> gids, String journalFile, String decideAt) {

        FleetOperation operation() {
            return switch (command) {
                case "upgrade" -> FleetOperation.upgrade(destination);
                case "downgrade" -> FleetOperation.downgrade(destination);
                default -> throw new IllegalArgumentException("a two-phase group cannot run '" + command + "'");
            };
        }
    }

    /** Every member of the group is prepared under {@code gids}: may it commit? */
    record Prepared(long taskId, String node, List<String> gids) {}

    /** The coordinator journaled the COMMIT decision of the group. */
    record Decided(long taskId, String decision) {}

    /**
     * What the agent did with a {@link GroupTask}: one result per member, in order.
     *
     * @param lockTimeout the message when a member's target lock was not acquired in time (every member rolled
     *                    back), else {@code null}
     * @param keepJournal the group failed without confirming that nothing stayed prepared: the coordinator keeps
     *                    its journal file for {@code recover --cluster}
     */
    record GroupDone(long taskId, String node, String decision, List<ParticipantResult> participants,
            String lockTimeout, boolean keepJournal) {

        GroupDone(long taskId, String node, String decision, List<ParticipantResult> participants) {
            this(taskId, node, decision, participants, null, false);
        }
    }

    /** A journal file of the coordinator (its name) and its content. */
    record Journaled(String file, JournalEntry entry) {}

    /**
     * {@code recover --cluster}: resolve {@code entries} on the databases of {@code targets} (one zone's).
     *
     * @param journalDirectory the coordinator's journal directory, for messages
     */
    record Recover(long taskId, long issuedAt, String journalDirectory, boolean force, List<Wire.Entry> targets,
            List<Journaled> entries) {}

    /** What an agent did for a {@link Recover}. */
    record Recovered(long taskId, String node, List<RecoveredTransaction> transactions) {}
}
