package dev.drover.cli.cluster;

import dev.drover.cli.CommandContext;
import dev.drover.cluster.Coordinator;
import dev.drover.cluster.NodeSettings;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.report.Placement;
import dev.drover.registry.Registry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code --cluster}: this command as the coordinator of a fleet whose targets run on agents. The fleet's
 * rollout stays here; its reads and target runs go to agents of each target's zone.
 */
public final class CoordinatorSession implements AutoCloseable, Supplier<Placement> {

    /** How long the coordinator waits for agents to answer its challenge. */
    static final Duration DISCOVERY = Duration.ofSeconds(2);

    private final Coordinator coordinator;

    private CoordinatorSession(Coordinator coordinator) {
        this.coordinator = coordinator;
    }

    /** Joins the cluster of the configuration and makes {@code fleet} read and run through its agents. */
    public static CoordinatorSession join(CommandContext drover, Fleet fleet) {
        Registry registry = drover.workspace().registry();
        NodeSettings settings = NodeSettings.of(registry.cluster(), null, List.of(), "coordinator");
        Coordinator coordinator = Coordinator.join(settings, registry::zone, DISCOVERY);
        if (!drover.options().quiet()) {
            List<String> agents = coordinator.agents();
            drover.environment().err().println("cluster '" + settings.clusterName() + "': " + agents.size()
                    + " agent(s)" + (agents.isEmpty() ? "" : ": " + String.join(", ", agents)));
        }
        fleet.runningOn(coordinator.executor()).readingThrough(coordinator.reader())
                .withRemoteServices(coordinator.fingerprints(), coordinator.throttleProbe(), coordinator.deepReader());
        return new CoordinatorSession(coordinator);
    }

    @Override
    public Placement get() {
        return coordinator.placement();
    }

    /** A dry run's placement: the agent of each target's zone that read it, and would be handed it. */
    public Placement planned() {
        return coordinator.plannedPlacement();
    }

    @Override
    public void close() {
        coordinator.close();
    }
}
