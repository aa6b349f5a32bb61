package dev.drover.cli.cluster;

import dev.drover.cli.CommandContext;
import dev.drover.cluster.Agent;
import dev.drover.cluster.NodeSettings;
import dev.drover.registry.Registry;
import java.util.List;

/** {@code drover agent}: joins the cluster and runs the targets it is given until stopped (SIGTERM, Ctrl-C). */
public final class AgentRun {

    private AgentRun() {}

    /** Runs the agent; returns 0 once it was stopped and left the cluster. */
    public static int run(CommandContext drover, Integer port, List<String> zones, String nodeName)
            throws InterruptedException {
        Registry registry = drover.workspace().registry();
        NodeSettings settings = NodeSettings.of(registry.cluster(), port, zones, nodeName);
        RegistryAgentFleet fleet = new RegistryAgentFleet(registry, drover.options().x(), settings);
        int targets = fleet.load().targets().size(); // configuration errors end the agent before it takes work
        drover.environment().err().println("agent '" + settings.nodeName() + "': " + targets + " target(s) in "
                + fleet.sections().size() + " section(s) " + fleet.sections());
        Agent agent = Agent.start(settings, fleet, drover.environment().out());
        Thread stop = new Thread(() -> {
            agent.close();
            fleet.close();
        }, "drover-agent-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        agent.awaitClose();
        return 0;
    }
}
