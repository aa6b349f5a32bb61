package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.StateReader;
import dev.drover.orchestrator.fleet.TargetExecutor;

/**
 * An agent's own view of the fleet: its {@code drover.ini} (with its credentials) and the local engine. It
 * runs a target exactly as a local run would ({@link TargetExecutor}), after finding it by section and tenant.
 */
public interface AgentFleet extends TargetExecutor {

    /**
     * The target of {@code tenant} in {@code section}, from this node's configuration; may block (tenant
     * discovery), so it is called off the event loop.
     *
     * @throws RuntimeException with a message naming the section and tenant when this node does not know it
     */
    FleetTarget target(String section, String tenant);

    /** Reads targets' version and history tables without locks, as a local {@code drover status} does. */
    StateReader reader();

    /** The {@code zone} of {@code section} in this node's configuration, or {@code null}. */
    String zone(String section);
}
