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
 * rollout stays here; its reads and target runs, and the listing of {@code query:} tenants, go to agents of
 * each target's zone.
 */
public final class CoordinatorSession implements AutoCloseable, Supplier<Placement> {

    /** How long the coordinator waits for agents to answer its challenge. */
    static final Duration DISCOVERY = Duration.ofSeconds(2);

    private final Coordinator coordinator;

    private CoordinatorSession(Coordinator coordinator) {
        this.coordinator = coordinator;
    }

    /** Joins the cluster of the configuration and finds its agents (before any target is resolved). */
    public static CoordinatorSession join(CommandContext drover) {
        Registry registry = drover.workspace().registry();
        NodeSettings settings = NodeSettings.of(registry.cluster(), null, List.of(), "coordinator");
        Coordinator coordinator = Coordinator.join(settings, registry::zone, DISCOVERY);
        if (!drover.options().quiet()) {
            List<String> agents = coordinator.agents();
            int silent = coordinator.otherMembers() - agents.size();
            drover.environment().err().println("cluster '" + settings.clusterName() + "': " + agents.size()
                    + " agent(s)" + (agents.isEmpty() ? "" : ": " + String.join(", ", agents))
                    + (silent <= 0 ? "" : "; " + silent + " other member(s) did not answer with this node's key"
                            + " (another coordinator, or a node whose 'key' differs: make it the same on every node)"));
        }
        return new CoordinatorSession(coordinator);
    }

    /** Joins the cluster of the configuration and makes {@code fleet} read and run through its agents. */
    public static CoordinatorSession join(CommandContext drover, Fleet fleet) {
        CoordinatorSession session = join(drover);
        session.attach(fleet);
        return session;
    }

    /**
     * {@code registry} listing the tenants of its {@code tenants = query:} sections through an agent of each
     * section's zone: the coordinator may have no network path to those databases (it lists them itself only
     * for a zone without a live agent, so that their targets are reported as failed for want of one).
     */
    public Registry registry(Registry registry) {
        return registry.withDiscovery(coordinator::tenantDiscovery);
    }

    /**
     * Makes {@code fleet} read, run (two-phase groups too), record, probe, check deeply and recover ({@code
     * recover --cluster}: this machine's journal, each zone's groups finished by a live agent of the zone) through
     * the agents.
     */
    public Fleet attach(Fleet fleet) {
        return fleet.runningOn(coordinator.executor()).readingThrough(coordinator.reader())
                .runningGroupsOn(coordinator.groups()).recoveringThrough(coordinator::recover)
                .withRemoteServices(coordinator.fingerprints(), coordinator.throttleProbe(), coordinator.deepReader());
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
