package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.StateReader;
import dev.drover.orchestrator.fleet.TargetState;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The coordinator's bulk read: each zone's targets read by one live agent of that zone (with its own
 * connections), so {@code status --cluster} shows what a local {@code status} would, and the coordinator opens
 * no database connection. A zone without a live agent, or an agent that fails, leaves its targets unreadable
 * with that reason. The targets of a zone are spread over its live agents in turn, and the agent that read a
 * target is the one a dry run names as its node ({@link #nodes()}).
 */
final class AgentStateReader implements StateReader {

    private static final long READ_TIMEOUT_MS = 10 * 60 * 1000;

    private final ClusterNode node;
    private final AgentDispatcher agents;
    private final Function<String, String> zoneOfSection;
    private final Clock clock;
    private final Map<String, String> nodes = new LinkedHashMap<>();
    private long nextId;

    AgentStateReader(ClusterNode node, AgentDispatcher agents, Function<String, String> zoneOfSection, Clock clock) {
        this.node = node;
        this.agents = agents;
        this.zoneOfSection = zoneOfSection;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Map<String, TargetState>> read(List<FleetTarget> targets) {
        Map<String, TargetState> states = new LinkedHashMap<>();
        Map<AgentDispatcher.AgentEntry, List<FleetTarget>> byAgent = ZoneSpread.of(agents.agents(), targets,
                zoneOfSection, (target, why) -> states.put(target.key(), TargetState.failed(why)));
        synchronized (this) {
            byAgent.forEach((agent, list) -> list.forEach(t -> nodes.put(t.key(), agent.node())));
        }
        List<Future<Map<String, TargetState>>> reads = new ArrayList<>();
        byAgent.forEach((agent, list) -> reads.add(readOn(agent, list)));
        return Future.all(reads).map(all -> {
            Map<String, TargetState> merged = new LinkedHashMap<>(states);
            reads.forEach(r -> merged.putAll(r.result()));
            return merged;
        }).toCompletionStage();
    }

    /** The agent that last read each target, by key: the node a dry run names. */
    synchronized Map<String, String> nodes() {
        return Map.copyOf(nodes);
    }

    private synchronized long nextId() {
        return ++nextId;
    }

    private Future<Map<String, TargetState>> readOn(AgentDispatcher.AgentEntry agent, List<FleetTarget> targets) {
        long id = nextId();
        Wire.Read read = new Wire.Read(id, clock.millis(), targets.stream()
                .map(t -> new Wire.Entry(t.section(), t.tenant(), t.key())).toList());
        return node.vertx().eventBus().<String>request(Agent.workAddress(node, agent.nodeId()) + ".read",
                node.seal.seal(Wire.json(read)), new DeliveryOptions().setSendTimeout(READ_TIMEOUT_MS))
                .map(reply -> {
                    Wire.States answer = Wire.read(node.seal.open(reply.body()), Wire.States.class);
                    if (answer.taskId() != id) {
                        throw new IllegalStateException("agent '" + agent.node() + "' answered another read");
                    }
                    return answer.states();
                })
                .otherwise(error -> {
                    Map<String, TargetState> failed = new LinkedHashMap<>();
                    targets.forEach(t -> failed.put(t.key(), TargetState.failed("agent '" + agent.node()
                            + "' could not read it: " + error.getMessage() + "; run the command again")));
                    return failed;
                });
    }
}
