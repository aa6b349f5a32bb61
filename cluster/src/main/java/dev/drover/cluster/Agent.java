package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.TargetState;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.TargetResult;
import dev.drover.orchestrator.runtime.TargetStatus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * {@code drover agent}: a node that runs the targets a coordinator hands it, with the same engine as a local
 * run ({@link AgentFleet}). It answers only messages sealed with the cluster key, refuses a target of a zone
 * it does not serve or whose scripts differ from the coordinator's, and finishes what it started even when
 * the coordinator is gone (the reply is then dropped).
 */
public final class Agent implements AutoCloseable {

    /** A task older than this (or from a clock this far ahead) is refused: a replayed message. */
    static final Duration FRESH = Duration.ofMinutes(5);

    private final ClusterNode node;
    private final AgentFleet fleet;
    private final PrintWriter log;
    private final Clock clock;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private Agent(ClusterNode node, AgentFleet fleet, PrintWriter log, Clock clock) {
        this.node = node;
        this.fleet = fleet;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Joins the cluster as a full member, listens for work and announces itself.
     *
     * @param log where one line per finished target goes (key, status, never a credential)
     * @throws IllegalStateException when the node cannot join
     */
    public static Agent start(NodeSettings settings, AgentFleet fleet, PrintWriter log) {
        Agent agent = new Agent(ClusterNode.join(settings, false), fleet, log, Clock.systemUTC());
        agent.listen();
        return agent;
    }

    private void listen() {
        MessageConsumer<String> discover = node.vertx().eventBus().consumer(node.address("discover"), this::challenged);
        MessageConsumer<String> work = node.vertx().eventBus().consumer(workAddress(node), this::task);
        MessageConsumer<String> reads = node.vertx().eventBus().consumer(workAddress(node) + ".read", this::read);
        List<MessageConsumer<String>> consumers = new ArrayList<>(AgentGroups.listen(node, fleet, log, clock));
        consumers.addAll(new AgentRequests(node, fleet, clock).listen(workAddress(node)));
        try {
            for (MessageConsumer<String> consumer : consumers) {
                consumer.completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            reads.completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            discover.completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            work.completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not register agent '" + node.settings().nodeName()
                    + "' on the event bus: " + e.getMessage(), e);
        }
        node.vertx().eventBus().publish(node.address("announce"), node.seal.seal(Wire.json(hello(null))));
        log.println("agent '" + node.settings().nodeName() + "' joined cluster '" + node.settings().clusterName()
                + "' on " + node.settings().host() + ":" + node.settings().port() + ", serving "
                + (node.settings().zones().isEmpty() ? "every zone" : "zones " + node.settings().zones()));
        log.flush();
    }

    static String workAddress(ClusterNode node, String nodeId) {
        return node.address("agent." + nodeId);
    }

    private static String workAddress(ClusterNode node) {
        return workAddress(node, node.nodeId());
    }

    private Wire.Hello hello(String nonce) {
        return new Wire.Hello(nonce, node.settings().nodeName(), node.nodeId(), node.settings().zones(),
                clock.millis());
    }

    /** A coordinator looking for agents: answer only one that sealed its challenge with our key. */
    private void challenged(Message<String> message) {
        Wire.Challenge challenge;
        try {
            challenge = Wire.read(node.seal.open(message.body()), Wire.Challenge.class);
        } catch (RuntimeException e) {
            return; // not our key: it learns nothing of us
        }
        node.vertx().eventBus().send(challenge.replyTo(), node.seal.seal(Wire.json(hello(challenge.nonce()))));
    }

    private void task(Message<String> message) {
        Wire.Task task;
        try {
            task = Wire.read(node.seal.open(message.body()), Wire.Task.class);
        } catch (RuntimeException e) {
            message.fail(401, "refused: the task did not open with this agent's cluster key");
            return;
        }
        if (Math.abs(clock.millis() - task.issuedAt()) > FRESH.toMillis()) {
            message.fail(401, "refused: the task is older than " + FRESH.toMinutes() + " minutes (replayed?)");
            return;
        }
        // Finding the target may discover tenants over JDBC: never on the event loop.
        node.vertx().<FleetTarget>executeBlocking(() -> fleet.target(task.section(), task.tenant()), false)
                .toCompletionStage()
                .thenCompose(target -> run(task, target))
                .exceptionally(error -> failed(task, refusal(task, error)))
                .thenAccept(result -> {
                    log.println(task.key() + "  " + result.status().name().toLowerCase(Locale.ROOT)
                            + "  (" + result.durationMs() + " ms)");
                    log.flush();
                    message.reply(node.seal.seal(Wire.json(new Wire.Done(task.taskId(), node.settings().nodeName(),
                            result))));
                });
    }

    /** Reads the states of the targets asked for; one that cannot be found here is reported as failed. */
    private void read(Message<String> message) {
        Wire.Read read;
        try {
            read = Wire.read(node.seal.open(message.body()), Wire.Read.class);
        } catch (RuntimeException e) {
            message.fail(401, "refused: the read did not open with this agent's cluster key");
            return;
        }
        if (Math.abs(clock.millis() - read.issuedAt()) > FRESH.toMillis()) {
            message.fail(401, "refused: the read is older than " + FRESH.toMinutes() + " minutes (replayed?)");
            return;
        }
        node.vertx().<Map<String, TargetState>>executeBlocking(() -> readStates(read), false)
                .onComplete(done -> {
                    Map<String, TargetState> states = done.succeeded() ? done.result()
                            : failedStates(read, "agent '" + node.settings().nodeName() + "' could not read: "
                                    + done.cause().getMessage());
                    message.reply(node.seal.seal(Wire.json(new Wire.States(read.taskId(), node.settings().nodeName(),
                            states))));
                });
    }

    private Map<String, TargetState> readStates(Wire.Read read) throws Exception {
        Map<String, TargetState> states = new LinkedHashMap<>();
        List<FleetTarget> found = new ArrayList<>();
        for (Wire.Entry entry : read.targets()) {
            try {
                found.add(SessionKeepalive.of(fleet.target(entry.section(), entry.tenant())));
            } catch (RuntimeException e) {
                states.put(entry.key(), TargetState.failed("agent '" + node.settings().nodeName() + "': "
                        + e.getMessage()));
            }
        }
        Map<String, TargetState> readHere = fleet.reader().read(found).toCompletableFuture()
                .get(10, TimeUnit.MINUTES);
        for (FleetTarget target : found) {
            states.put(target.key(), readHere.getOrDefault(target.key(),
                    TargetState.failed("agent '" + node.settings().nodeName() + "' could not read it")));
        }
        return states;
    }

    private static Map<String, TargetState> failedStates(Wire.Read read, String why) {
        Map<String, TargetState> states = new LinkedHashMap<>();
        read.targets().forEach(e -> states.put(e.key(), TargetState.failed(why)));
        return states;
    }

    private CompletionStage<TargetResult> run(Wire.Task task, FleetTarget target) {
        String zone = fleet.zone(task.section());
        if (!node.settings().serves(zone)) {
            return CompletableFuture.completedFuture(failed(task, "agent '" + node.settings().nodeName()
                    + "' refuses '" + task.key() + "': its section '" + task.section() + "' is in zone '" + zone
                    + "' here, which this agent does not serve; give every node the same zones in drover.ini"));
        }
        String difference = ScriptChecksums.difference(task.checksums(), target.scripts());
        if (difference != null) {
            return CompletableFuture.completedFuture(failed(task, "agent '" + node.settings().nodeName()
                    + "' refuses '" + task.key() + "': " + difference + "; deploy the same scripts on every node"
                    + " and run the command again"));
        }
        FleetTarget configured = SessionKeepalive.of(target);
        RunOptions options = new RunOptions(task.runId());
        if (task.settings() != null) {
            // the run's settings, as the coordinator resolved them (its --lock-timeout etc.), as a local run would
            configured = TaskSettings.apply(configured, task.settings());
            if (task.settings().gate() != null) {
                options = options.withGate(new CoordinatorGate(node, task.settings().gate(), task.taskId(), clock));
            }
        }
        return fleet.execute(configured, task.operation(), options);
    }

    private String refusal(Wire.Task task, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return "agent '" + node.settings().nodeName() + "' could not run '" + task.key() + "': "
                + (cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage());
    }

    private static TargetResult failed(Wire.Task task, String why) {
        return new TargetResult(task.key(), TargetStatus.FAILED, List.of(), List.of(), 0, List.of(),
                StepError.of(null, why));
    }

    /** Blocks until {@link #close()} (e.g. from a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        try {
            closed.get();
        } catch (ExecutionException e) {
            // closed
        }
    }

    /** The name reports show for this agent. */
    public String nodeName() {
        return node.settings().nodeName();
    }

    @Override
    public void close() {
        node.close();
        closed.complete(null);
    }
}
