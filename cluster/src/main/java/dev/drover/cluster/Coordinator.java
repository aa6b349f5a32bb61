package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.StateReader;
import dev.drover.orchestrator.fleet.TwoPhaseGroupExecutor;
import dev.drover.orchestrator.twophase.NodeRecovery;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import dev.drover.orchestrator.fleet.FingerprintRecorder;
import dev.drover.orchestrator.fleet.FleetInspector;
import dev.drover.orchestrator.fleet.ThrottleProbe;
import dev.drover.orchestrator.runtime.RevisionGate;
import dev.drover.registry.TenantDiscovery;
import dev.drover.orchestrator.fleet.TargetExecutor;
import dev.drover.orchestrator.report.Placement;
import dev.drover.orchestrator.report.RunReport;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code --cluster}: this command joins the cluster as a lite member (it stores no data and runs no target),
 * finds the agents that hold the key (a sealed challenge only they can answer), and offers the rollout an
 * {@link #executor()} that runs each target on an agent of its zone.
 */
public final class Coordinator implements AutoCloseable {

    private final ClusterNode node;
    private final AgentDispatcher dispatcher;
    private final Clock clock;
    private final Function<String, String> zoneOfSection;
    private final ClusterGroups groups;
    private final AgentStateReader reader;
    private final AgentCalls calls;
    /** Threads the rollout's gates wait on for agents asking between revisions (a gate may wait minutes). */
    private final ExecutorService gates = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "drover-coordinator-gate");
        thread.setDaemon(true);
        return thread;
    });

    private Coordinator(ClusterNode node, AgentDispatcher dispatcher, Clock clock,
            Function<String, String> zoneOfSection) {
        this.node = node;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.zoneOfSection = zoneOfSection;
        this.groups = new ClusterGroups(node, dispatcher, zoneOfSection, clock).listen();
        this.reader = new AgentStateReader(node, dispatcher, zoneOfSection, clock);
        this.calls = new AgentCalls(node, clock);
    }

    /**
     * Joins, then waits {@code discovery} for agents to answer.
     *
     * @param zoneOfSection the {@code zone} of a database section, or {@code null} when any agent may run it
     * @throws IllegalStateException when the node cannot join
     */
    public static Coordinator join(NodeSettings settings, Function<String, String> zoneOfSection, Duration discovery) {
        ClusterNode node = ClusterNode.join(settings, true);
        Clock clock = Clock.systemUTC();
        Coordinator coordinator = new Coordinator(node, new AgentDispatcher(node, zoneOfSection, clock), clock,
                zoneOfSection);
        node.onMemberLost(coordinator.dispatcher::memberLost);
        coordinator.answerGates();
        coordinator.discover(discovery);
        return coordinator;
    }

    /** Agents ask between revisions of a throttled server's targets: the rollout's gate of the task answers. */
    private void answerGates() {
        MessageConsumer<String> consumer = node.vertx().eventBus().consumer(dispatcher.gateAddress(), message -> {
            Wire.Gate gate;
            try {
                gate = Wire.read(node.seal.open(message.body()), Wire.Gate.class);
            } catch (RuntimeException e) {
                message.fail(401, "refused: the question did not open with the cluster key");
                return;
            }
            RevisionGate rollout = dispatcher.gate(gate.taskId());
            CompletableFuture.supplyAsync(rollout::await, gates).whenComplete((stop, error) ->
                    message.reply(node.seal.seal(Wire.json(new Wire.Pass(error == null ? stop : null)))));
        });
        try {
            consumer.completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not listen on the event bus: " + e.getMessage(), e);
        }
    }

    private void discover(Duration discovery) {
        String nonce = UUID.randomUUID().toString();
        String replyTo = node.address("coordinator." + node.nodeId());
        MessageConsumer<String> hellos = node.vertx().eventBus().consumer(replyTo,
                m -> accept(m.body(), nonce));
        MessageConsumer<String> announcements = node.vertx().eventBus().consumer(node.address("announce"),
                m -> accept(m.body(), null));
        try {
            hellos.completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            announcements.completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            node.vertx().eventBus().publish(node.address("discover"),
                    node.seal.seal(Wire.json(new Wire.Challenge(nonce, replyTo, clock.millis()))));
            Thread.sleep(discovery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("could not listen on the event bus: " + e.getMessage(), e);
        }
    }

    /**
     * An agent's hello counts when it opens with the key, answers our challenge (or is a fresh announcement)
     * and comes from a current member.
     */
    private void accept(String body, String nonce) {
        Wire.Hello hello;
        try {
            hello = Wire.read(node.seal.open(body), Wire.Hello.class);
        } catch (RuntimeException e) {
            return; // a node without the key gets no work
        }
        boolean answers = nonce != null ? nonce.equals(hello.nonce())
                : hello.nonce() == null && Math.abs(clock.millis() - hello.issuedAt()) < Agent.FRESH.toMillis();
        Set<String> members = node.memberIds();
        if (answers && members.contains(hello.nodeId())) {
            dispatcher.agentJoined(new AgentDispatcher.AgentEntry(hello.node(), hello.nodeId(), hello.zones()));
        }
    }

    /**
     * How many other members the cluster has (agents, and any other coordinator): more than {@link #agents()}
     * when some did not answer the challenge, which is what a node with another {@code key} does.
     */
    public int otherMembers() {
        return Math.max(0, node.memberIds().size() - 1);
    }

    /** The agents found so far: name and zones (empty: every zone). */
    public List<String> agents() {
        return dispatcher.agents().stream().map(a -> a.node() + (a.zones().isEmpty() ? "" : " " + a.zones())).toList();
    }

    /** Runs each target it is given on an agent of the target's zone. */
    public TargetExecutor executor() {
        return dispatcher;
    }

    /** Reads targets' states through agents of their zones (the coordinator opens no database connection). */
    public StateReader reader() {
        return reader;
    }

    /** Records an upgrade's schema fingerprints through the agents that ran the first targets. */
    public FingerprintRecorder fingerprints() {
        return new AgentFingerprints(dispatcher, calls, zoneOfSection);
    }

    /** Measures the throttles of the targets' servers through agents of their zones. */
    public ThrottleProbe throttleProbe() {
        return new AgentThrottleProbe(dispatcher, calls, zoneOfSection);
    }

    /**
     * Lists the tenants of {@code query:} sections through an agent of each section's zone; with {@code here}
     * (this machine's discovery) only for a zone that has no live agent.
     */
    public TenantDiscovery tenantDiscovery(TenantDiscovery here) {
        return new AgentTenantDiscovery(dispatcher, calls, zoneOfSection, here);
    }

    /** {@code check --deep} through agents of the targets' zones. */
    public Function<List<FleetTarget>, FleetInspector.DeepRead> deepReader() {
        return new AgentDeepReader(dispatcher, calls, zoneOfSection);
    }

    /**
     * Runs each two-phase group on one agent serving its zones, the COMMIT decision journaled here (in the journal
     * the fleet passes) before the agent sends any {@code COMMIT PREPARED}.
     */
    public TwoPhaseGroupExecutor groups() {
        return groups;
    }

    /**
     * {@code drover recover --cluster}: resolves the in-doubt groups of {@code journal} through a live agent of
     * each zone of {@code targets}, as a local recover does; blocking.
     *
     * @param targets the configured targets (journal participants are matched to them by key)
     * @param force   also roll back Drover transactions no journal knows (only when no other run is active)
     * @return every transaction seen, with its group and the node that handled it
     * @throws java.io.UncheckedIOException when the journal cannot be read (names the file)
     */
    public List<NodeRecovery> recover(TwoPhaseJournal journal, List<FleetTarget> targets, boolean force) {
        return new ClusterRecovery(node, dispatcher, zoneOfSection, clock).recover(journal, targets, force);
    }

    /** Where the targets (and the members of two-phase groups) ran and which were reassigned, for the report. */
    public Placement placement() {
        Placement targets = dispatcher.placement();
        Placement members = groups.placement();
        Map<String, String> nodes = new LinkedHashMap<>(members.nodes());
        nodes.putAll(targets.nodes());
        List<RunReport.Reassignment> reassigned = new ArrayList<>(members.reassigned());
        reassigned.addAll(targets.reassigned());
        return new Placement(nodes, reassigned);
    }

    /**
     * A dry run's placement: the agent that read each target (the zone's agents take its targets in turn),
     * which is where a run started now would send it first.
     */
    public Placement plannedPlacement() {
        return new Placement(reader.nodes(), List.of());
    }

    @Override
    public void close() {
        gates.shutdownNow();
        node.close();
    }
}
