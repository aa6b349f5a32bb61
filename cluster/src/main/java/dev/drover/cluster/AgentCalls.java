package dev.drover.cluster;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Clock;

/**
 * The coordinator's side of {@link AgentRequests}: one sealed request to one agent and its opened answer. A
 * refusal or failure on the agent fails the future with the agent's message (naming it).
 */
final class AgentCalls {

    /** Reads and recordings of thousands of targets take minutes at most; a lost agent fails sooner. */
    static final long TIMEOUT_MS = 10 * 60 * 1000;

    private final ClusterNode node;
    private final Clock clock;

    AgentCalls(ClusterNode node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    /** The time requests are stamped with ({@link Wire.Request#issuedAt()}). */
    long now() {
        return clock.millis();
    }

    /** Sends {@code request} to {@code agent}'s address {@code suffix} (an {@link AgentRequests} constant). */
    <T> Future<T> call(AgentDispatcher.AgentEntry agent, String suffix, Wire.Request request, Class<T> answer) {
        return node.vertx().eventBus().<String>request(Agent.workAddress(node, agent.nodeId()) + suffix,
                node.seal.seal(Wire.json(request)), new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
                .map(reply -> Wire.read(node.seal.open(reply.body()), answer));
    }
}
