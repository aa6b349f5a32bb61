package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.twophase.GroupResult;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs one two-phase group somewhere else than this process ({@code --cluster}: on one agent of the group's
 * zone), with the COMMIT decision still journaled here, in {@code journal}, before any {@code COMMIT PREPARED}.
 */
@FunctionalInterface
public interface TwoPhaseGroupExecutor {

    /**
     * Runs {@code members} as one group, blocking until it ended (or was left in doubt).
     *
     * @param members   the group's targets in rollout order (participant {@code i} gets gid {@code i})
     * @param operation an upgrade or a downgrade
     * @param journal   where this process journals the group and its decision
     * @return one result per member, in order; {@link GroupResult#inDoubt()} when {@code drover recover} is needed
     * @throws SQLException when the group was rolled back before the decision because a database failed
     */
    GroupResult run(String runId, String group, List<FleetTarget> members, FleetOperation operation,
            TwoPhaseJournal journal) throws SQLException;
}
