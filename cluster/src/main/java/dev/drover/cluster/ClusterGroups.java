package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.TargetState;
import dev.drover.orchestrator.fleet.TwoPhaseGroupExecutor;
import dev.drover.orchestrator.lock.LockTimeoutException;
import dev.drover.orchestrator.report.Placement;
import dev.drover.orchestrator.report.RunReport;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.twophase.Decision;
import dev.drover.orchestrator.twophase.GroupResult;
import dev.drover.orchestrator.twophase.JournalEntry;
import dev.drover.orchestrator.twophase.ParticipantResult;
import dev.drover.orchestrator.twophase.ParticipantStatus;
import dev.drover.orchestrator.twophase.RecoveredTransaction;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The coordinator's side of two-phase groups on a cluster: a group runs on one agent serving every zone of its
 * members. The coordinator journals the group (decision {@code none}) in its own {@link TwoPhaseJournal} before
 * handing it out; the agent prepares every member and asks for the decision; the coordinator journals COMMIT
 * durably, and only then answers, so no {@code COMMIT PREPARED} is ever sent before the decision is on this
 * machine's disk. An agent lost during the group: another live agent of the zones finishes it from the journal
 * (commit when decided, else roll back); without one its members stay in doubt, the journal kept, for
 * {@code drover recover --cluster}.
 */
final class ClusterGroups implements TwoPhaseGroupExecutor {

    /** A group may migrate for hours; a lost agent is noticed through membership, not through this timeout. */
    private static final long REPLY_TIMEOUT_MS = 24L * 3600 * 1000;

    private final ClusterNode node;
    private final AgentDispatcher agents;
    private final Function<String, String> zoneOfSection;
    private final Clock clock;
    private final String decideAt;
    private final Map<Long, Call> calls = new LinkedHashMap<>();
    private final Map<String, String> nodes = new LinkedHashMap<>();
    private final List<RunReport.Reassignment> reassigned = new ArrayList<>();
    /** Agents lost while they ran a group (membership may tell the dispatcher a moment later). */
    private final Set<String> lostAgents = new java.util.HashSet<>();
    private final ClusterRecovery recovery;
    private long nextId;
    private int turn;

    /** One group handed out: its journal entry and file, its agent, and whether COMMIT was journaled. */
    private static final class Call {
        final long id;
        final JournalEntry entry;
        final Path file;
        final TwoPhaseJournal journal;
        final AgentDispatcher.AgentEntry agent;
        final CompletableFuture<GroupWire.GroupDone> done = new CompletableFuture<>();
        boolean decided;
        boolean lost;

        Call(long id, JournalEntry entry, Path file, TwoPhaseJournal journal, AgentDispatcher.AgentEntry agent) {
            this.id = id;
            this.entry = entry;
            this.file = file;
            this.journal = journal;
            this.agent = agent;
        }
    }

    /** A member's target lock was not acquired on the agent (exit 3, as in a local run). */
    private static final class RemoteLockTimeout extends LockTimeoutException {
        private final String message;

        RemoteLockTimeout(String message) {
            super("-", java.time.Duration.ZERO, "-");
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    /** Signals that a group's agent was lost before it answered. */
    private static final class AgentLost extends RuntimeException {
        AgentLost(String why) {
            super(why, null, false, false);
        }
    }

    ClusterGroups(ClusterNode node, AgentDispatcher agents, Function<String, String> zoneOfSection, Clock clock) {
        this.node = node;
        this.agents = agents;
        this.zoneOfSection = zoneOfSection;
        this.clock = clock;
        this.decideAt = node.address("coordinator." + node.nodeId() + ".decide");
        this.recovery = new ClusterRecovery(node, agents, zoneOfSection, clock);
    }

    /** Listens for agents asking for decisions and for lost members; waits until the listener is registered. */
    ClusterGroups listen() {
        try {
            node.vertx().eventBus().<String>consumer(decideAt, this::prepared).completion().toCompletionStage()
                    .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not listen for two-phase decisions on the event bus: "
                    + e.getMessage(), e);
        }
        node.onMemberLost(this::memberLost);
        return this;
    }

    @Override
    public GroupResult run(String runId, String group, List<FleetTarget> members, FleetOperation operation,
            TwoPhaseJournal journal) {
        Set<String> zones = new LinkedHashSet<>();
        members.forEach(m -> zones.add(zoneOfSection.apply(m.section())));
        AgentDispatcher.AgentEntry agent = agentFor(zones, null);
        JournalEntry entry = JournalEntry.begin(runId, group, members.stream().map(FleetTarget::key).toList(),
                members.stream().map(m -> m.target().maskedUrl()).toList());
        if (agent == null) {
            return all(runId, group, entry, members, ParticipantStatus.FAILED, Decision.NONE, null,
                    "no live agent serves " + (zones.size() == 1 ? "zone " : "all of zones ") + quoted(zones)
                            + " of two-phase group '" + group + "' (a group runs on one agent); nothing was touched;"
                            + " start 'drover agent' serving " + (zones.size() == 1 ? "it" : "them") + " where its"
                            + " databases are reachable and run the command again");
        }
        Path file = journal.write(entry);
        Call call;
        synchronized (this) {
            call = new Call(++nextId, entry, file, journal, agent);
            calls.put(call.id, call);
        }
        GroupWire.GroupTask task = new GroupWire.GroupTask(call.id, clock.millis(), runId, group,
                operation.command(), operation.destination(), members.stream().map(m -> new GroupWire.Member(
                        m.section(), m.tenant(), m.key(), ScriptChecksums.of(m.scripts()))).toList(),
                entry.gids(), file.toString(), decideAt);
        node.vertx().eventBus().<String>request(Agent.workAddress(node, agent.nodeId()) + ".group",
                node.seal.seal(Wire.json(task)), new DeliveryOptions().setSendTimeout(REPLY_TIMEOUT_MS))
                .onComplete(reply -> {
                    if (reply.succeeded()) {
                        try {
                            call.done.complete(Wire.read(node.seal.open(reply.result().body()),
                                    GroupWire.GroupDone.class));
                        } catch (RuntimeException e) {
                            call.done.completeExceptionally(new AgentLost("its answer did not open with the"
                                    + " cluster key"));
                        }
                    } else if (reply.cause() instanceof ReplyException refused
                            && refused.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
                        call.done.complete(refusedBy(call, refused.getMessage()));
                    } else {
                        lose(call, "it did not answer (" + reply.cause().getMessage() + ")");
                    }
                });
        return finish(runId, group, members, call);
    }

    private GroupResult finish(String runId, String group, List<FleetTarget> members, Call call) {
        GroupWire.GroupDone done;
        try {
            done = call.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lostResult(runId, group, members, call, "the coordinator was interrupted");
        } catch (ExecutionException e) {
            return lostResult(runId, group, members, call, e.getCause().getMessage());
        } finally {
            synchronized (this) {
                calls.remove(call.id);
            }
        }
        synchronized (this) {
            members.forEach(m -> nodes.put(m.key(), done.node() == null ? call.agent.node() : done.node()));
        }
        GroupResult result = new GroupResult(runId, group, Decision.parse(done.decision()), done.participants(),
                null);
        if (result.inDoubt() || done.keepJournal()) {
            return new GroupResult(runId, group, result.decision(), result.participants(), call.file);
        }
        call.journal.delete(call.file);
        if (done.lockTimeout() != null) {
            throw new RemoteLockTimeout(done.lockTimeout());
        }
        return result;
    }

    /** The agent refused the message itself (its key, a stale task): nothing was touched. */
    private GroupWire.GroupDone refusedBy(Call call, String why) {
        List<ParticipantResult> results = new ArrayList<>();
        for (JournalEntry.Participant p : call.entry.participants()) {
            results.add(new ParticipantResult(p.key(), ParticipantStatus.FAILED, p.gid(), List.of(), List.of(), 0,
                    List.of(), StepError.of(null, "agent '" + call.agent.node() + "' did not run two-phase group '"
                            + call.entry.group() + "': " + why + "; run the command again")));
        }
        return new GroupWire.GroupDone(call.id, call.agent.node(), Decision.NONE.label(), results);
    }

    /**
     * The agent was lost before it answered. Another live agent of the zones finishes the group from the journal:
     * COMMIT when the decision was journaled (the members then succeeded, their heads read back through it),
     * ROLLBACK otherwise (the members failed; the command can run again). Without one, or when that agent
     * cannot finish it, what was prepared stays in doubt, the journal file kept, for {@code recover --cluster}.
     */
    private GroupResult lostResult(String runId, String group, List<FleetTarget> members, Call call, String why) {
        boolean decided;
        synchronized (this) {
            call.lost = true;
            decided = call.decided;
        }
        Set<String> zoneSet = new LinkedHashSet<>(members.stream().map(m -> zoneOfSection.apply(m.section())).toList());
        String lost = "agent '" + call.agent.node() + "' was lost during two-phase group '" + group + "' (" + why + ") "
                + (decided ? "after the commit decision was journaled in '" + call.file + "'"
                        : "before any commit decision");
        AgentDispatcher.AgentEntry next = agentFor(zoneSet, call.agent);
        String unfinished;
        if (next == null) {
            unfinished = "no other live agent serves zone " + quoted(zoneSet);
        } else {
            try {
                // what the journal holds now: COMMIT once the decision was written, else the entry as begun
                JournalEntry journaled = decided ? call.entry.withDecision(Decision.COMMIT) : call.entry;
                List<RecoveredTransaction> done = recovery.resolveOn(next, call.journal, members,
                        List.of(new GroupWire.Journaled(call.file.toString(), journaled)), false);
                List<RecoveredTransaction> open = done.stream().filter(t -> call.entry.gids().contains(t.gid())
                        && !t.action().resolved()).toList();
                if (open.isEmpty()) {
                    call.journal.delete(call.file);
                    return finishedBy(runId, group, members, call, next, decided, lost);
                }
                unfinished = "agent '" + next.node() + "' could not finish it: " + open.get(0).detail();
            } catch (RuntimeException e) {
                unfinished = e.getMessage();
            }
        }
        synchronized (this) {
            members.forEach(m -> nodes.put(m.key(), call.agent.node()));
        }
        return all(runId, group, call.entry, members, ParticipantStatus.IN_DOUBT,
                decided ? Decision.COMMIT : Decision.NONE, call.file, lost + "; " + unfinished + "; 'drover recover"
                        + " --cluster' " + (decided ? "commits" : "rolls back") + " it through a live agent of zone "
                        + quoted(zoneSet));
    }

    /** Another agent finished the group from the journal: its members moved to it, as reassigned targets. */
    private GroupResult finishedBy(String runId, String group, List<FleetTarget> members, Call call,
            AgentDispatcher.AgentEntry next, boolean decided, String lost) {
        Map<String, TargetState> states = Map.of();
        if (decided) {
            try {
                states = new AgentStateReader(node, agents, zoneOfSection, clock).read(members).toCompletableFuture()
                        .get(10, java.util.concurrent.TimeUnit.MINUTES);
            } catch (Exception e) {
                // the group is committed either way; its heads are then left out of the report
            }
        }
        List<ParticipantResult> results = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < members.size(); i++) {
                FleetTarget m = members.get(i);
                nodes.put(m.key(), next.node());
                reassigned.add(new RunReport.Reassignment(m.key(), call.agent.node(), next.node()));
                TargetState state = states.get(m.key());
                List<String> heads = state == null || state.error() != null ? List.of() : state.heads();
                results.add(decided
                        ? new ParticipantResult(m.key(), ParticipantStatus.SUCCEEDED, call.entry.gids().get(i),
                                List.of(), heads, 0, List.of(), null)
                        : new ParticipantResult(m.key(), ParticipantStatus.FAILED, call.entry.gids().get(i),
                                List.of(), List.of(), 0, List.of(), StepError.of(null, lost + "; agent '" + next.node()
                                        + "' rolled back what it had prepared; run the command again")));
            }
        }
        return new GroupResult(runId, group, decided ? Decision.COMMIT : Decision.NONE, results, null);
    }

    private static GroupResult all(String runId, String group, JournalEntry entry, List<FleetTarget> members,
            ParticipantStatus status, Decision decision, Path file, String why) {
        List<ParticipantResult> results = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            results.add(new ParticipantResult(members.get(i).key(), status, entry.gids().get(i), List.of(), List.of(),
                    0, List.of(), StepError.of(null, why)));
        }
        return new GroupResult(runId, group, decision, results, file);
    }

    /** An agent asks for the decision: journal COMMIT durably (off the event loop), then answer. */
    private void prepared(Message<String> message) {
        GroupWire.Prepared prepared;
        try {
            prepared = Wire.read(node.seal.open(message.body()), GroupWire.Prepared.class);
        } catch (RuntimeException e) {
            message.fail(401, "refused: the request did not open with the cluster key");
            return;
        }
        node.vertx().<Void>executeBlocking(() -> {
            decide(prepared);
            return null;
        }, false).onComplete(done -> {
            if (done.succeeded()) {
                message.reply(node.seal.seal(Wire.json(new GroupWire.Decided(prepared.taskId(),
                        Decision.COMMIT.label()))));
            } else {
                message.fail(409, done.cause().getMessage());
            }
        });
    }

    /** Journals COMMIT for a live group whose gids are those journaled; anything else is refused (rolls back). */
    private synchronized void decide(GroupWire.Prepared prepared) {
        Call call = calls.get(prepared.taskId());
        if (call == null || call.lost) {
            throw new IllegalStateException("two-phase task " + prepared.taskId() + " is not running on this"
                    + " coordinator (its agent was declared lost, or the run ended): no commit decision");
        }
        if (!call.entry.gids().equals(prepared.gids())) {
            throw new IllegalStateException("agent '" + prepared.node() + "' prepared gids " + prepared.gids()
                    + " for group '" + call.entry.group() + "', but the journal holds " + call.entry.gids());
        }
        call.journal.write(call.entry.withDecision(Decision.COMMIT));
        call.decided = true;
    }

    private synchronized void lose(Call call, String why) {
        call.lost = true;
        lostAgents.add(call.agent.nodeId());
        call.done.completeExceptionally(new AgentLost(why));
    }

    private synchronized void memberLost(String nodeId) {
        lostAgents.add(nodeId);
        for (Call call : List.copyOf(calls.values())) {
            if (call.agent.nodeId().equals(nodeId)) {
                lose(call, "membership lost it");
            }
        }
    }

    /** A live agent serving every zone (other than {@code not}), taking turns among them. */
    private synchronized AgentDispatcher.AgentEntry agentFor(Set<String> zones, AgentDispatcher.AgentEntry not) {
        List<AgentDispatcher.AgentEntry> serving = agents.agents().stream()
                .filter(a -> !lostAgents.contains(a.nodeId()) && (not == null || !a.nodeId().equals(not.nodeId())))
                .filter(a -> zones.stream().allMatch(a::serves)).toList();
        return serving.isEmpty() ? null : serving.get(turn++ % serving.size());
    }

    /** Where each member of the groups ran, and the members another agent finished, for the report. */
    synchronized Placement placement() {
        return new Placement(nodes, reassigned);
    }

    private static String quoted(Set<String> zones) {
        return String.join(", ", zones.stream().map(z -> z == null ? "(none)" : "'" + z + "'").toList());
    }
}
