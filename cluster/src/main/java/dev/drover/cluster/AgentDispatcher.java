package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.TargetExecutor;
import dev.drover.orchestrator.report.Placement;
import dev.drover.orchestrator.report.RunReport;
import dev.drover.orchestrator.runtime.RevisionGate;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.TargetResult;
import dev.drover.orchestrator.runtime.TargetStatus;
import io.vertx.core.AsyncResult;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The coordinator's "run this target" step: the fleet's rollout (concurrency, per-server limits, canary,
 * waves, failure budget) stays in the {@code FleetRunner} of this process, and each target it starts goes to
 * the least busy live agent serving the target's zone. A target whose agent is lost goes back to the queue
 * (another agent of its zone, or failed when none is left); its stage completes only then, so the rollout
 * never sees the loss. Thread-safe: completions arrive on event-loop threads, losses on Hazelcast's.
 */
final class AgentDispatcher implements TargetExecutor {

    /** A migration may run for hours; a lost agent is noticed through membership, not through this timeout. */
    private static final long REPLY_TIMEOUT_MS = 24L * 3600 * 1000;

    private final ClusterNode node;
    private final Function<String, String> zoneOfSection;
    private final Clock clock;
    private final Map<String, AgentEntry> agents = new LinkedHashMap<>();
    private final Map<Long, Task> inFlight = new LinkedHashMap<>();
    private final Map<String, String> nodes = new LinkedHashMap<>();
    private final List<RunReport.Reassignment> reassigned = new ArrayList<>();
    private final Map<ScriptSource, Map<String, String>> checksums = new IdentityHashMap<>();
    private long nextTaskId;

    /** An agent that proved it holds the key. */
    record AgentEntry(String node, String nodeId, List<String> zones) {
        boolean serves(String zone) {
            return zones.isEmpty() || zone == null || zones.contains(zone);
        }
    }

    /** One target handed out: which agent has it, and how often it was handed out. */
    private static final class Task {
        final long id;
        final FleetTarget target;
        final FleetOperation operation;
        final RunOptions options;
        final CompletableFuture<TargetResult> result = new CompletableFuture<>();
        AgentEntry agent;
        int attempt;

        Task(long id, FleetTarget target, FleetOperation operation, RunOptions options) {
            this.id = id;
            this.target = target;
            this.operation = operation;
            this.options = options;
        }
    }

    AgentDispatcher(ClusterNode node, Function<String, String> zoneOfSection, Clock clock) {
        this.node = node;
        this.zoneOfSection = zoneOfSection;
        this.clock = clock;
    }

    synchronized void agentJoined(AgentEntry agent) {
        agents.put(agent.nodeId(), agent);
    }

    synchronized List<AgentEntry> agents() {
        return List.copyOf(agents.values());
    }

    @Override
    public CompletionStage<TargetResult> execute(FleetTarget target, FleetOperation operation, RunOptions options) {
        Task task;
        synchronized (this) {
            task = new Task(++nextTaskId, target, operation, options);
            dispatch(task);
        }
        return task.result;
    }

    /** Hands {@code task} to an agent of its zone, or fails it when there is none; returns the agent or null. */
    private AgentEntry dispatch(Task task) {
        String zone = zoneOfSection.apply(task.target.section());
        AgentEntry agent = leastBusy(zone);
        if (agent == null) {
            inFlight.remove(task.id);
            task.result.complete(failed(task.target, "no live agent serves zone '" + zone + "' of section '"
                    + task.target.section() + "'; start 'drover agent --zones " + zone + "' where its databases are"
                    + " reachable and run the command again"));
            return null;
        }
        task.agent = agent;
        int attempt = ++task.attempt;
        inFlight.put(task.id, task);
        FleetOperation op = task.operation;
        Wire.Task message = new Wire.Task(task.id, clock.millis(), task.options.runId(), task.target.section(),
                task.target.tenant(), task.target.key(), op.command(), op.destination(), Wire.Task.revisionsOf(op),
                Wire.Task.purgeOf(op), checksums.computeIfAbsent(task.target.scripts(), ScriptChecksums::of),
                TaskSettings.of(task.target, task.options, gateAddress()));
        node.vertx().eventBus().<String>request(Agent.workAddress(node, agent.nodeId()),
                node.seal.seal(Wire.json(message)), new DeliveryOptions().setSendTimeout(REPLY_TIMEOUT_MS))
                .onComplete(reply -> replied(task, attempt, reply));
        return agent;
    }

    private AgentEntry leastBusy(String zone) {
        Map<String, Integer> busy = new LinkedHashMap<>();
        inFlight.values().forEach(t -> busy.merge(t.agent.nodeId(), 1, Integer::sum));
        AgentEntry best = null;
        for (AgentEntry agent : agents.values()) {
            if (agent.serves(zone) && (best == null
                    || busy.getOrDefault(agent.nodeId(), 0) < busy.getOrDefault(best.nodeId(), 0))) {
                best = agent;
            }
        }
        return best;
    }

    private synchronized void replied(Task task, int attempt, AsyncResult<Message<String>> reply) {
        if (attempt != task.attempt || task.result.isDone()) {
            return; // an answer from an agent declared lost, after its target went to another one
        }
        if (reply.failed()) {
            if (reply.cause() instanceof ReplyException refused
                    && refused.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
                inFlight.remove(task.id);
                task.result.complete(failed(task.target, "agent '" + task.agent.node() + "' did not run '"
                        + task.target.key() + "': " + refused.getMessage() + "; run the command again"));
            } else {
                // unreachable (it died before membership noticed): the same as losing it
                memberLost(task.agent.nodeId());
            }
            return;
        }
        inFlight.remove(task.id);
        Wire.Done done;
        try {
            done = Wire.read(node.seal.open(reply.result().body()), Wire.Done.class);
        } catch (RuntimeException e) {
            task.result.complete(failed(task.target, "the answer for '" + task.target.key() + "' from agent '"
                    + task.agent.node() + "' did not open with the cluster key; give every node the same key"));
            return;
        }
        if (done.taskId() != task.id) {
            task.result.complete(failed(task.target, "agent '" + task.agent.node() + "' answered another task"));
            return;
        }
        nodes.put(task.target.key(), done.node());
        task.result.complete(done.result());
    }

    /** Where agents ask between revisions whether a throttled server lets the next one start. */
    String gateAddress() {
        return node.address("coordinator." + node.nodeId() + ".gate");
    }

    /**
     * The rollout's gate of task {@code taskId} (its server's throttle), or {@link RevisionGate#OPEN} when the task
     * is no longer in flight here (finished, or reassigned after its agent was declared lost).
     */
    synchronized RevisionGate gate(long taskId) {
        Task task = inFlight.get(taskId);
        return task == null ? RevisionGate.OPEN : task.options.gate();
    }

    /** The live agent that ran {@code key} in this run, else the first live agent serving {@code zone}, or null. */
    synchronized AgentEntry agentFor(String key, String zone) {
        String ran = nodes.get(key);
        AgentEntry any = null;
        for (AgentEntry agent : agents.values()) {
            if (agent.node().equals(ran)) {
                return agent;
            }
            if (any == null && agent.serves(zone)) {
                any = agent;
            }
        }
        return any;
    }

    /** Membership lost {@code nodeId}: its unfinished targets go back to the queue. */
    synchronized void memberLost(String nodeId) {
        AgentEntry lost = agents.remove(nodeId);
        if (lost == null) {
            return;
        }
        for (Task task : List.copyOf(inFlight.values())) {
            if (task.agent.nodeId().equals(nodeId)) {
                inFlight.remove(task.id);
                AgentEntry next = dispatch(task);
                reassigned.add(new RunReport.Reassignment(task.target.key(), lost.node(),
                        next == null ? null : next.node()));
            }
        }
    }

    /** Where each target ran, and what was reassigned, for the report. */
    synchronized Placement placement() {
        return new Placement(nodes, reassigned);
    }

    private static TargetResult failed(FleetTarget target, String why) {
        return new TargetResult(target.key(), TargetStatus.FAILED, List.of(), List.of(), 0, List.of(),
                StepError.of(null, why));
    }
}
