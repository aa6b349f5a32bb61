package dev.drover.cluster;

import dev.drover.orchestrator.twophase.Decision;
import dev.drover.orchestrator.twophase.DecisionLog;
import dev.drover.orchestrator.twophase.JournalEntry;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An agent's view of a group's decision: the coordinator journals it. The agent checks that it prepares under
 * the gids the coordinator journaled, and once every member is prepared asks the coordinator, which journals
 * COMMIT and answers; a refusal rolls the group back here; no answer (the coordinator lost, the network cut)
 * leaves what was prepared in doubt for {@code drover recover --cluster}, since the decision may be journaled.
 * Blocking: used on a worker thread.
 */
final class CoordinatorDecision implements DecisionLog {

    /** Journaling a decision is one file write: an answer slower than this is treated as lost. */
    static final long DECISION_TIMEOUT_MS = 2 * 60 * 1000;

    private final ClusterNode node;
    private final GroupWire.GroupTask task;
    private volatile boolean begun;
    private volatile boolean ended;

    CoordinatorDecision(ClusterNode node, GroupWire.GroupTask task) {
        this.node = node;
        this.task = task;
    }

    @Override
    public String begin(JournalEntry entry) {
        if (!entry.gids().equals(task.gids())) {
            throw new IllegalStateException("agent '" + node.settings().nodeName() + "' would prepare two-phase group '"
                    + task.group() + "' under gids " + entry.gids() + ", but the coordinator journaled " + task.gids()
                    + "; run the same Drover version on every node; nothing was touched");
        }
        begun = true;
        return task.journalFile();
    }

    @Override
    public void decide(JournalEntry entry) {
        GroupWire.Prepared prepared = new GroupWire.Prepared(task.taskId(), node.settings().nodeName(), entry.gids());
        String answer;
        try {
            answer = node.vertx().eventBus().<String>request(task.decideAt(), node.seal.seal(Wire.json(prepared)),
                            new DeliveryOptions().setSendTimeout(DECISION_TIMEOUT_MS))
                    .toCompletionStage().toCompletableFuture().get(DECISION_TIMEOUT_MS + 5000, TimeUnit.MILLISECONDS)
                    .body();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReplyException refused
                    && refused.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
                throw new Refused("the coordinator refused: " + refused.getMessage());
            }
            throw new Unknown("the coordinator did not answer (" + e.getCause().getMessage() + ")");
        } catch (TimeoutException e) {
            throw new Unknown("the coordinator did not answer within " + DECISION_TIMEOUT_MS / 1000 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unknown("interrupted while waiting for the coordinator");
        }
        GroupWire.Decided decided;
        try {
            decided = Wire.read(node.seal.open(answer), GroupWire.Decided.class);
        } catch (RuntimeException e) {
            throw new Unknown("the coordinator's answer did not open with the cluster key");
        }
        if (decided.taskId() != task.taskId() || !Decision.COMMIT.label().equals(decided.decision())) {
            throw new Unknown("the coordinator answered another group or decision");
        }
    }

    @Override
    public void end(JournalEntry entry) {
        // the coordinator deletes its journal file when the group's answer says nothing is in doubt
        ended = true;
    }

    /** The group began and did not end cleanly: something may still be prepared (a rollback not confirmed). */
    boolean mayBeInDoubt() {
        return begun && !ended;
    }
}
