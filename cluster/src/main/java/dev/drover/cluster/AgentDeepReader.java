package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetInspector;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.TargetState;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code check --deep --cluster}: each zone's targets read from their own tables, and their fleet ledger rows
 * compared, by the live agents of that zone with their connections, exactly as a local {@code check --deep}
 * does. A zone without a live agent, or an agent that fails, leaves its targets unreadable with that reason.
 */
final class AgentDeepReader implements Function<List<FleetTarget>, FleetInspector.DeepRead> {

    private final AgentDispatcher agents;
    private final AgentCalls calls;
    private final Function<String, String> zoneOfSection;

    AgentDeepReader(AgentDispatcher agents, AgentCalls calls, Function<String, String> zoneOfSection) {
        this.agents = agents;
        this.calls = calls;
        this.zoneOfSection = zoneOfSection;
    }

    /** Blocks the calling thread (never an event loop) until every agent answered. */
    @Override
    public FleetInspector.DeepRead apply(List<FleetTarget> targets) {
        Map<String, TargetState> tables = new LinkedHashMap<>();
        List<String> disagreements = new ArrayList<>();
        Map<AgentDispatcher.AgentEntry, List<FleetTarget>> byAgent = ZoneSpread.of(agents.agents(), targets,
                zoneOfSection, (target, why) -> tables.put(target.key(), TargetState.failed(why)));
        Map<AgentDispatcher.AgentEntry, Future<Wire.Deep>> reads = new LinkedHashMap<>();
        byAgent.forEach((agent, list) -> reads.put(agent, calls.call(agent, AgentRequests.DEEP,
                new Wire.DeepRead(calls.now(), list.stream().map(t -> new Wire.Entry(t.section(), t.tenant(), t.key()))
                        .toList()), Wire.Deep.class)));
        for (Map.Entry<AgentDispatcher.AgentEntry, Future<Wire.Deep>> read : reads.entrySet()) {
            try {
                Wire.Deep deep = read.getValue().toCompletionStage().toCompletableFuture()
                        .get(AgentCalls.TIMEOUT_MS, TimeUnit.MILLISECONDS);
                tables.putAll(deep.tables());
                disagreements.addAll(deep.disagreements());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(tables, byAgent.get(read.getKey()), "interrupted");
            } catch (Exception e) {
                failAll(tables, byAgent.get(read.getKey()), "agent '" + read.getKey().node() + "' could not read it: "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + "; run the command again");
            }
        }
        return new FleetInspector.DeepRead(tables, disagreements);
    }

    private static void failAll(Map<String, TargetState> tables, List<FleetTarget> targets, String why) {
        targets.forEach(t -> tables.put(t.key(), TargetState.failed(why)));
    }
}
