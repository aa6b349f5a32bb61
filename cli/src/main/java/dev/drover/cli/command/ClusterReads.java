package dev.drover.cli.command;

import dev.drover.api.StatusReport;
import dev.drover.api.TargetState;
import dev.drover.cli.CommandContext;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.FleetStatus;

/**
 * {@code status}, {@code current} and {@code check} with {@code --cluster}: the fleet's revisions read through
 * the agents of each target's zone, as the public {@link StatusReport} the local reads return. The one read path
 * that does not go through the Java API yet: the API has no hook to route a call's reads through a cluster
 * coordinator (the run commands' {@code TargetHost} is being added beside this); once it has, these reads become
 * API calls too.
 */
final class ClusterReads {

    private ClusterReads() {}

    /**
     * Joins the cluster as coordinator, reads the selected targets through its agents and leaves it.
     *
     * @throws dev.drover.cli.CliException when the selection matches no target (exit 2)
     */
    static StatusReport status(CommandContext drover, ClusterOption cluster, String shard) {
        try (Fleet fleet = TargetSelection.fleet(drover, shard, null);
                ClusterOption.Attached attached = cluster.attach(drover, fleet)) {
            return of(fleet.status());
        }
    }

    private static StatusReport of(FleetStatus status) {
        return new StatusReport(status.targets().stream().map(v -> new TargetState(v.key(), v.target().section(),
                v.target().tenant(), v.heads(), v.pending(), v.changed(), v.unfinished(), v.error(), v.atHead(),
                v.healthy())).toList());
    }
}
