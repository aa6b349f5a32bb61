package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.lock.LockTimeoutException;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.twophase.Decision;
import dev.drover.orchestrator.twophase.GroupResult;
import dev.drover.orchestrator.twophase.ParticipantResult;
import dev.drover.orchestrator.twophase.ParticipantStatus;
import dev.drover.orchestrator.twophase.RecoveryResult;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An agent's part of two-phase groups: it runs a group it is given with the local engine (every member prepared
 * here, under its own lock and connection), asks the coordinator for the COMMIT decision ({@link
 * CoordinatorDecision}) and commits, or rolls back on a failed prepare; and for {@code recover --cluster} it
 * resolves the coordinator's journal entries on the databases of its zone. Members are found in this agent's own
 * {@code drover.ini}; their scripts must match the coordinator's checksums.
 */
final class AgentGroups {

    private final ClusterNode node;
    private final AgentFleet fleet;
    private final PrintWriter log;
    private final Clock clock;

    private AgentGroups(ClusterNode node, AgentFleet fleet, PrintWriter log, Clock clock) {
        this.node = node;
        this.fleet = fleet;
        this.log = log;
        this.clock = clock;
    }

    /** Listens for groups and recoveries on this agent's addresses; returns the consumers to await. */
    static List<MessageConsumer<String>> listen(ClusterNode node, AgentFleet fleet, PrintWriter log, Clock clock) {
        AgentGroups groups = new AgentGroups(node, fleet, log, clock);
        String address = Agent.workAddress(node, node.nodeId());
        return List.of(node.vertx().eventBus().consumer(address + ".group", groups::group),
                node.vertx().eventBus().consumer(address + ".recover", groups::recover));
    }

    private boolean stale(long issuedAt) {
        return Math.abs(clock.millis() - issuedAt) > Agent.FRESH.toMillis();
    }

    private void group(Message<String> message) {
        GroupWire.GroupTask task;
        try {
            task = Wire.read(node.seal.open(message.body()), GroupWire.GroupTask.class);
        } catch (RuntimeException e) {
            message.fail(401, "refused: the group did not open with this agent's cluster key");
            return;
        }
        if (stale(task.issuedAt())) {
            message.fail(401, "refused: the group is older than " + Agent.FRESH.toMinutes() + " minutes (replayed?)");
            return;
        }
        node.vertx().<GroupWire.GroupDone>executeBlocking(() -> runGroup(task), false).onComplete(done -> {
            GroupWire.GroupDone answer = done.succeeded() ? done.result()
                    : failed(task, "agent '" + name() + "' could not run two-phase group '" + task.group() + "': "
                            + done.cause().getMessage() + "; every member was rolled back; run the command again");
            log.println("group '" + task.group() + "'  " + summary(answer));
            log.flush();
            message.reply(node.seal.seal(Wire.json(answer)));
        });
    }

    private GroupWire.GroupDone runGroup(GroupWire.GroupTask task) {
        List<FleetTarget> members = new ArrayList<>();
        for (GroupWire.Member member : task.members()) {
            FleetTarget target;
            try {
                target = fleet.target(member.section(), member.tenant());
            } catch (RuntimeException e) {
                return failed(task, "agent '" + name() + "' refuses two-phase group '" + task.group() + "': "
                        + e.getMessage() + "; nothing was touched");
            }
            String zone = fleet.zone(member.section());
            if (!node.settings().serves(zone)) {
                return failed(task, "agent '" + name() + "' refuses two-phase group '" + task.group() + "': section '"
                        + member.section() + "' is in zone '" + zone + "' here, which this agent does not serve;"
                        + " give every node the same zones in drover.ini");
            }
            String difference = ScriptChecksums.difference(member.checksums(), target.scripts());
            if (difference != null) {
                return failed(task, "agent '" + name() + "' refuses two-phase group '" + task.group() + "' ('"
                        + member.key() + "'): " + difference + "; deploy the same scripts on every node and run the"
                        + " command again");
            }
            members.add(SessionKeepalive.of(target));
        }
        CoordinatorDecision decision = new CoordinatorDecision(node, task);
        try {
            GroupResult result = fleet.runGroup(task.runId(), task.group(), members, task.operation(), decision);
            return new GroupWire.GroupDone(task.taskId(), name(), result.decision().label(), result.participants());
        } catch (java.sql.SQLException | RuntimeException e) {
            // TwoPhaseCoordinator rolled every member back before throwing; 'end' tells that nothing stayed prepared
            boolean doubt = decision.mayBeInDoubt();
            GroupWire.GroupDone failed = failed(task, (e instanceof LockTimeoutException ? e.getMessage()
                    : "two-phase group '" + task.group() + "' rolled back on agent '" + name() + "': " + e.getMessage())
                    + (doubt ? "; a rollback was not confirmed: 'drover recover --cluster' rolls back what stayed"
                            + " prepared" : ""));
            return new GroupWire.GroupDone(failed.taskId(), failed.node(), failed.decision(), failed.participants(),
                    e instanceof LockTimeoutException ? e.getMessage() : null, doubt);
        }
    }

    private void recover(Message<String> message) {
        GroupWire.Recover task;
        try {
            task = Wire.read(node.seal.open(message.body()), GroupWire.Recover.class);
        } catch (RuntimeException e) {
            message.fail(401, "refused: the recovery did not open with this agent's cluster key");
            return;
        }
        if (stale(task.issuedAt())) {
            message.fail(401, "refused: the recovery is older than " + Agent.FRESH.toMinutes() + " minutes (replayed?)");
            return;
        }
        node.vertx().<RecoveryResult>executeBlocking(() -> resolve(task), false).onComplete(done -> {
            if (done.failed()) {
                message.fail(500, "agent '" + name() + "' could not recover: " + done.cause().getMessage());
                return;
            }
            done.result().transactions().forEach(t -> log.println("recover " + t.gid() + "  "
                    + t.action().label()));
            log.flush();
            message.reply(node.seal.seal(Wire.json(new GroupWire.Recovered(task.taskId(), name(),
                    done.result().transactions()))));
        });
    }

    private RecoveryResult resolve(GroupWire.Recover task) {
        List<FleetTarget> targets = new ArrayList<>();
        for (Wire.Entry entry : task.targets()) {
            try {
                targets.add(SessionKeepalive.of(fleet.target(entry.section(), entry.tenant())));
            } catch (RuntimeException e) {
                // not configured here: its journaled gids come back 'unreachable', naming the target
            }
        }
        List<TwoPhaseJournal.Stored> stored = task.entries().stream()
                .map(j -> new TwoPhaseJournal.Stored(Path.of(j.file()), j.entry())).toList();
        return fleet.resolve(stored, targets, Path.of(task.journalDirectory()), task.force());
    }

    private String name() {
        return node.settings().nodeName();
    }

    /** Every member failed with {@code why}: nothing of the group was prepared (or all was rolled back). */
    private GroupWire.GroupDone failed(GroupWire.GroupTask task, String why) {
        List<ParticipantResult> results = new ArrayList<>();
        for (int i = 0; i < task.members().size(); i++) {
            results.add(new ParticipantResult(task.members().get(i).key(), ParticipantStatus.FAILED,
                    task.gids().get(i), List.of(), List.of(), 0, List.of(), StepError.of(null, why)));
        }
        return new GroupWire.GroupDone(task.taskId(), name(), Decision.NONE.label(), results);
    }

    private static String summary(GroupWire.GroupDone done) {
        return String.join(", ", done.participants().stream()
                .map(p -> p.key() + " " + p.status().name().toLowerCase(Locale.ROOT)).toList());
    }
}
