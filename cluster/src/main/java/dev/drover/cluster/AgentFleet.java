package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetInspector;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.RecordedFingerprints;
import dev.drover.orchestrator.fleet.Throttle;
import java.util.List;
import java.util.concurrent.CompletionStage;
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

    /**
     * Records the schema of each first target for its revision, as a local upgrade does after its run.
     * Blocks; never throws.
     *
     * @return what could not be recorded, one message each
     */
    List<String> recordFingerprints(List<RecordedFingerprints.First> firsts);

    /** {@code check --deep} on these targets: their own tables and the ledger rows that disagree. Blocks. */
    FleetInspector.DeepRead deepRead(List<FleetTarget> targets);

    /** Measures {@code probe} on the server of {@code via}. */
    CompletionStage<Double> measure(FleetTarget via, Throttle.Probe probe);

    /**
     * The tenants of {@code section} from its own {@code query:}, unvalidated, in the query's order. Blocks.
     *
     * @param query the query the coordinator's configuration has for the section
     * @throws RuntimeException naming the section when this node has no such section, or another query
     */
    List<String> discoverTenants(String section, String query);
}
