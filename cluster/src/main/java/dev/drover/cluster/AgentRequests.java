package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.RecordedFingerprints;
import dev.drover.orchestrator.fleet.TargetState;
import dev.drover.orchestrator.fleet.Throttle;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * What an agent does for a coordinator besides running targets, each with its own connections and only what its
 * own configuration holds: record an upgrade's schema fingerprints, read targets deeply ({@code check --deep}),
 * measure a throttle probe, list a {@code query:} section's tenants. Each request opens with the cluster key
 * and is fresh, or is refused; the work runs off the event loop.
 */
final class AgentRequests {

    static final String FINGERPRINTS = ".fingerprints";
    static final String DEEP = ".deep";
    static final String PROBE = ".probe";
    static final String TENANTS = ".tenants";

    private final ClusterNode node;
    private final AgentFleet fleet;
    private final Clock clock;

    AgentRequests(ClusterNode node, AgentFleet fleet, Clock clock) {
        this.node = node;
        this.fleet = fleet;
        this.clock = clock;
    }

    /** The consumers, registered on the event bus (the caller waits for their completion). */
    List<MessageConsumer<String>> listen(String workAddress) {
        return List.of(
                serve(workAddress + FINGERPRINTS, Wire.Fingerprints.class, this::fingerprints),
                serve(workAddress + DEEP, Wire.DeepRead.class, this::deep),
                serve(workAddress + PROBE, Wire.Probe.class, this::probe),
                serve(workAddress + TENANTS, Wire.ListTenants.class, r -> new Wire.Tenants(
                        fleet.discoverTenants(r.section(), r.query()))));
    }

    private interface Work<T extends Wire.Request> {
        Object answer(T request) throws Exception;
    }

    private <T extends Wire.Request> MessageConsumer<String> serve(String address, Class<T> type, Work<T> work) {
        return node.vertx().eventBus().consumer(address, (Message<String> message) -> {
            T request;
            try {
                request = Wire.read(node.seal.open(message.body()), type);
            } catch (RuntimeException e) {
                message.fail(401, "refused: the request did not open with this agent's cluster key");
                return;
            }
            if (Math.abs(clock.millis() - request.issuedAt()) > Agent.FRESH.toMillis()) {
                message.fail(401, "refused: the request is older than " + Agent.FRESH.toMinutes() + " minutes (replayed?)");
                return;
            }
            Callable<Object> blocking = () -> work.answer(request);
            node.vertx().executeBlocking(blocking, false).onComplete(done -> {
                if (done.succeeded()) {
                    message.reply(node.seal.seal(Wire.json(done.result())));
                } else {
                    Throwable cause = done.cause();
                    message.fail(500, "agent '" + node.settings().nodeName() + "': "
                            + (cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage()));
                }
            });
        });
    }

    private Wire.Recorded fingerprints(Wire.Fingerprints request) {
        List<String> problems = new ArrayList<>();
        List<RecordedFingerprints.First> firsts = new ArrayList<>();
        for (Wire.Pin pin : request.firsts()) {
            try {
                firsts.add(new RecordedFingerprints.First(pin.revision(), find(pin.target())));
            } catch (RuntimeException e) {
                problems.add("the schema of target '" + pin.target().key() + "' at " + pin.revision()
                        + " was not recorded for 'drover drift': agent '" + node.settings().nodeName() + "': "
                        + e.getMessage());
            }
        }
        problems.addAll(fleet.recordFingerprints(firsts));
        return new Wire.Recorded(problems);
    }

    private Wire.Deep deep(Wire.DeepRead request) {
        Map<String, TargetState> tables = new LinkedHashMap<>();
        List<FleetTarget> found = new ArrayList<>();
        for (Wire.Entry entry : request.targets()) {
            try {
                found.add(find(entry));
            } catch (RuntimeException e) {
                tables.put(entry.key(), TargetState.failed("agent '" + node.settings().nodeName() + "': "
                        + e.getMessage()));
            }
        }
        var read = fleet.deepRead(found);
        tables.putAll(read.tables());
        return new Wire.Deep(tables, read.ledgerDisagreements());
    }

    private Wire.Measured probe(Wire.Probe request) throws Exception {
        FleetTarget via = find(request.via());
        Throttle throttle = via.throttle();
        Throttle.Probe mine = throttle == null ? null : throttle.probes().stream()
                .filter(p -> p.name().equals(request.name())).findFirst().orElse(null);
        if (mine == null || !mine.sql().equals(request.sql())) {
            throw new IllegalStateException("refuses to measure '" + request.name() + "' of section '"
                    + via.section() + "': " + (mine == null ? "its drover.ini has no such throttle setting"
                    : "its drover.ini has another query for it") + "; give every node the same throttle settings");
        }
        return new Wire.Measured(fleet.measure(via, mine).toCompletableFuture().get(10, TimeUnit.MINUTES));
    }

    private FleetTarget find(Wire.Entry entry) {
        return SessionKeepalive.of(fleet.target(entry.section(), entry.tenant()));
    }
}
