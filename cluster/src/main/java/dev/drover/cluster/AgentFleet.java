package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetInspector;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.RecordedFingerprints;
import dev.drover.orchestrator.fleet.Throttle;
import java.util.List;
import java.util.concurrent.CompletionStage;
import dev.drover.orchestrator.fleet.StateReader;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.TargetExecutor;
import dev.drover.orchestrator.twophase.DecisionLog;
import dev.drover.orchestrator.twophase.GroupResult;
import dev.drover.orchestrator.twophase.RecoveryResult;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import java.nio.file.Path;
import java.sql.SQLException;

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
     * Runs {@code members} as one two-phase group with the local engine, the COMMIT decision kept by
     * {@code decisions} (the coordinator's journal). Blocking: called off the event loop.
     *
     * @throws SQLException when a database cannot be reached before the decision (every member rolled back first)
     * @throws RuntimeException when the group is refused before anything was touched, or a lock is not acquired
     */
    GroupResult runGroup(String runId, String group, List<FleetTarget> members, FleetOperation operation,
            DecisionLog decisions) throws SQLException;

    /**
     * Resolves the coordinator's journal entries on the databases of {@code members}, as a local
     * {@code drover recover} does (no journal is read or deleted here). Blocking: called off the event loop.
     *
     * @param journalName the coordinator's journal directory, for messages
     */
    RecoveryResult resolve(List<TwoPhaseJournal.Stored> journaled, List<FleetTarget> members, Path journalName,
            boolean force);

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
