package dev.drover.cluster;

import dev.drover.orchestrator.runtime.RevisionGate;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * An agent's gate between two revisions of a target whose server has a throttle: it asks the coordinator, which
 * holds the throttles of the whole cluster (one per server and setting, as in a local run), and waits for its
 * answer on the target's own thread (never an event loop). A coordinator that cannot be reached lets the target
 * go on: an agent finishes what it started.
 */
final class CoordinatorGate implements RevisionGate {

    /** Longer than any throttle_wait: the coordinator answers once the server is below its limits or gave up. */
    private static final long WAIT_HOURS = 24;

    private final ClusterNode node;
    private final String address;
    private final long taskId;
    private final Clock clock;

    CoordinatorGate(ClusterNode node, String address, long taskId, Clock clock) {
        this.node = node;
        this.address = address;
        this.taskId = taskId;
        this.clock = clock;
    }

    @Override
    public String await() {
        try {
            String answer = node.vertx().eventBus().<String>request(address,
                    node.seal.seal(Wire.json(new Wire.Gate(taskId, clock.millis()))),
                    new DeliveryOptions().setSendTimeout(TimeUnit.HOURS.toMillis(WAIT_HOURS)))
                    .toCompletionStage().toCompletableFuture().get(WAIT_HOURS, TimeUnit.HOURS).body();
            return Wire.read(node.seal.open(answer), Wire.Pass.class).stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null; // the coordinator is gone: finish what was started
        }
    }
}
