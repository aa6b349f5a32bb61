package dev.drover.cluster;

import dev.drover.registry.DatabaseSection;
import dev.drover.registry.DiscoveryException;
import dev.drover.registry.TenantDiscovery;
import dev.drover.registry.TenantSource;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code tenants = query:} on a cluster: the coordinator may have no network path to a zone's databases (that
 * is what zones are for), so a live agent of the section's zone runs the query with its own connection and its
 * own configuration's query (it refuses when that differs from the coordinator's). The names come back
 * unvalidated, and are validated and selected here exactly as a local run's. When no live agent serves the
 * zone, this machine lists them itself if it can, so that the section's targets are still reported (failed,
 * for want of an agent) rather than the whole command refused.
 */
final class AgentTenantDiscovery implements TenantDiscovery {

    private final AgentDispatcher agents;
    private final AgentCalls calls;
    private final Function<String, String> zoneOfSection;
    private final TenantDiscovery here;

    /** @param here this machine's own discovery, used only for a zone without a live agent */
    AgentTenantDiscovery(AgentDispatcher agents, AgentCalls calls, Function<String, String> zoneOfSection,
            TenantDiscovery here) {
        this.agents = agents;
        this.calls = calls;
        this.zoneOfSection = zoneOfSection;
        this.here = here;
    }

    /** Blocks the calling thread (never an event loop) for the agent's answer. */
    @Override
    public List<String> discover(DatabaseSection section, TenantSource.FromQuery query) {
        String zone = zoneOfSection.apply(section.name());
        AgentDispatcher.AgentEntry agent = agents.agentFor(null, zone);
        if (agent == null) {
            try {
                return here.discover(section, query);
            } catch (RuntimeException e) {
                throw new DiscoveryException("cannot list the tenants of section '" + section.name() + "' ('query:'): "
                        + ZoneSpread.noAgent(zone, section.name()) + ", and this machine could not list them either ("
                        + e.getMessage() + "); start an agent of the zone and run the command again", null);
            }
        }
        try {
            return calls.call(agent, AgentRequests.TENANTS, new Wire.ListTenants(calls.now(), section.name(),
                    query.sql()), Wire.Tenants.class).toCompletionStage().toCompletableFuture()
                    .get(AgentCalls.TIMEOUT_MS, TimeUnit.MILLISECONDS).names();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscoveryException("interrupted while agent '" + agent.node() + "' listed the tenants of section '"
                    + section.name() + "'", null);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DiscoveryException("agent '" + agent.node() + "' could not list the tenants of section '"
                    + section.name() + "' ('query:'): " + cause.getMessage() + "; fix it on that agent and run the"
                    + " command again", null);
        }
    }
}
