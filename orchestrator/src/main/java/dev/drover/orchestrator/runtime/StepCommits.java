package dev.drover.orchestrator.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link StepRunner} knows about each step's commit, and nothing more: which steps wait in an
 * open transaction, which the database acknowledged (and of those, which may not be on disk yet
 * because they committed asynchronously), and which a failure left to be read back from the version
 * table. Steps move between the lists in run order; not thread-safe.
 */
final class StepCommits {

    /** Acknowledged commits, in run order. */
    private final List<StepResult> committed = new ArrayList<>();
    /** Steps of the transaction still open. */
    private final List<StepResult> pending = new ArrayList<>();
    /** Steps of the transaction that was open when the run failed: rolled back, or committed unheard. */
    private final List<StepResult> unacknowledged = new ArrayList<>();
    /** Committed asynchronously since the last durable commit: not yet safe to report if the run stops here. */
    private final List<StepResult> notDurable = new ArrayList<>();
    /** Acknowledged asynchronous commits that nothing could make durable when the run stopped. */
    private final List<StepResult> unsecured = new ArrayList<>();

    /** A step ran in the open transaction. */
    void pending(StepResult step) {
        pending.add(step);
    }

    /** The open transaction's COMMIT was acknowledged; a synchronous one also made every earlier commit durable. */
    void acknowledged(boolean asynchronous) {
        if (asynchronous) {
            notDurable.addAll(pending);
        } else {
            notDurable.clear();
        }
        committed.addAll(pending);
        pending.clear();
    }

    /** The open transaction was rolled back for sure (to run it again): its steps did not commit. */
    void discarded() {
        pending.clear();
    }

    /** The run failed with a transaction open: its steps may or may not have committed. */
    void abandoned() {
        unacknowledged.addAll(pending);
        pending.clear();
    }

    /** Whether some acknowledged commit may not be durable yet. */
    boolean hasNotDurable() {
        return !notDurable.isEmpty();
    }

    /** A synchronous commit made every earlier one durable. */
    void secured() {
        notDurable.clear();
    }

    /** Nothing could make the asynchronous commits durable: only the version table can tell about them. */
    void unsecurable() {
        committed.removeAll(notDurable);
        unsecured.addAll(notDurable);
        notDurable.clear();
    }

    int committedCount() {
        return committed.size();
    }

    List<StepResult> committed() {
        return List.copyOf(committed);
    }

    List<StepResult> pending() {
        return List.copyOf(pending);
    }

    List<StepResult> unacknowledged() {
        return List.copyOf(unacknowledged);
    }

    List<StepResult> unsecured() {
        return List.copyOf(unsecured);
    }
}
