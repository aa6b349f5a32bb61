package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.twophase.NodeRecovery;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import java.util.List;

/**
 * Resolves a journal's in-doubt two-phase transactions somewhere other than this process: Drover's cluster
 * coordinator ({@code recover --cluster}) hands each zone's participants to a live agent of that zone, which
 * reaches the databases with its own credentials.
 */
@FunctionalInterface
public interface RemoteRecovery {

    /**
     * Resolves what can be resolved (COMMIT where the journal holds the decision, ROLLBACK otherwise; orphans no
     * journal knows only with {@code force}); blocking.
     *
     * @param targets the configured targets (journal participants are matched to them by key)
     * @return every transaction seen, with its group and the node that handled it
     * @throws java.io.UncheckedIOException when the journal cannot be read (names the file)
     */
    List<NodeRecovery> recover(TwoPhaseJournal journal, List<FleetTarget> targets, boolean force);
}
