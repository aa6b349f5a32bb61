package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.Throttle;
import dev.drover.orchestrator.fleet.ThrottleProbe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A cluster run's throttle probes: the coordinator holds each server's throttle (as a local run does, for the
 * whole cluster) and has an agent of the server's zone measure it with its own connection. A server whose zone
 * has no live agent cannot be measured, so nothing starts there (a local run treats a failed probe the same).
 */
final class AgentThrottleProbe implements ThrottleProbe {

    private final AgentDispatcher agents;
    private final AgentCalls calls;
    private final Function<String, String> zoneOfSection;

    AgentThrottleProbe(AgentDispatcher agents, AgentCalls calls, Function<String, String> zoneOfSection) {
        this.agents = agents;
        this.calls = calls;
        this.zoneOfSection = zoneOfSection;
    }

    @Override
    public CompletionStage<Double> measure(FleetTarget via, Throttle.Probe probe) {
        String zone = zoneOfSection.apply(via.section());
        AgentDispatcher.AgentEntry agent = agents.agentFor(via.key(), zone);
        if (agent == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(ZoneSpread.noAgent(zone, via.section())));
        }
        return calls.call(agent, AgentRequests.PROBE, new Wire.Probe(calls.now(),
                new Wire.Entry(via.section(), via.tenant(), via.key()), probe.name(), probe.sql()), Wire.Measured.class)
                .map(Wire.Measured::value).toCompletionStage();
    }
}
