package dev.drover.env;

import dev.drover.orchestrator.fleet.FleetListener;
import dev.drover.orchestrator.fleet.FleetProgress;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.OutcomeStatus;
import dev.drover.orchestrator.fleet.TargetOutcome;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Counts a whole fleet run for one listener: the two-phase groups (which run first, one group at a
 * time) and then the fan-out, whose own progress counts only its targets, against the total of
 * every target of the run. The ETA is the fan-out's (it runs last), unknown while groups run. Used
 * on the thread that runs the fleet, like every listener.
 */
final class WholeRunProgress implements FleetListener {

    private final FleetListener listener;
    private final int total;
    private final LongSupplier nanoTime;
    private final long start;
    private int groupsDone;
    private int groupsFailed;

    /** @param total every target of the run, two-phase and fanned out */
    WholeRunProgress(FleetListener listener, int total, LongSupplier nanoTime) {
        this.listener = listener;
        this.total = total;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** A two-phase group is about to run: its members are in flight together. */
    void groupStarted(List<FleetTarget> members) {
        members.forEach(m -> quietly(() -> listener.started(m, progress(groupsDone, groupsFailed, members.size(), -1))));
    }

    /** A two-phase group ended; members that never started (skipped, cancelled) are not reported, as in the fan-out. */
    void groupFinished(List<TargetOutcome> outcomes) {
        for (TargetOutcome outcome : outcomes) {
            if (outcome.status() == OutcomeStatus.SKIPPED || outcome.status() == OutcomeStatus.CANCELLED) {
                continue;
            }
            groupsDone++;
            groupsFailed += outcome.failed() || outcome.status() == OutcomeStatus.IN_DOUBT ? 1 : 0;
            quietly(() -> listener.finished(outcome, progress(groupsDone, groupsFailed, 0, -1)));
        }
    }

    @Override
    public void started(FleetTarget target, FleetProgress fanOut) {
        listener.started(target, afterGroups(fanOut));
    }

    @Override
    public void finished(TargetOutcome outcome, FleetProgress fanOut) {
        listener.finished(outcome, afterGroups(fanOut));
    }

    @Override
    public void throttleChanged(FleetProgress fanOut) {
        listener.throttleChanged(afterGroups(fanOut));
    }

    private FleetProgress afterGroups(FleetProgress fanOut) {
        return new FleetProgress(total, groupsDone + fanOut.done(), groupsFailed + fanOut.failed(), fanOut.running(),
                (nanoTime.getAsLong() - start) / 1_000_000, fanOut.etaMs(), fanOut.throttled());
    }

    private FleetProgress progress(int done, int failed, int running, long etaMs) {
        return new FleetProgress(total, done, failed, running, (nanoTime.getAsLong() - start) / 1_000_000, etaMs);
    }

    /** A failing progress display must not stop a run, as in the fan-out. */
    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // ignored on purpose: the outcome is recorded regardless
        }
    }
}
