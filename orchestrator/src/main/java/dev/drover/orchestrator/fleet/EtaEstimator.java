package dev.drover.orchestrator.fleet;

import java.util.ArrayDeque;

/**
 * Estimates the time left in a fleet run from the pace of the targets that did work: targets found
 * already at their destination by the bulk read finish at once and say nothing about the rest, and
 * the time before the first target started (reading the fleet) is not work either. The pace is
 * measured over the more recent half of the completions so far (at least {@code minimumWindow}): a slow
 * start (a cold JVM, a canary, connections being opened) fades out as the run goes on, while a short dip
 * (a checkpoint, a neighbour's burst) weighs less the longer the run has lasted. (A fixed window of a
 * quarter of the fleet measured worse on 10,000-tenant runs: it swung with every dip late in the run and
 * kept the cold start early on; see bench/RESULTS.md.) Pure: the caller passes monotonic times; not
 * thread-safe.
 */
final class EtaEstimator {

    private final int minimumWindow;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private long firstStartNanos = -1;
    private int finished;

    /** @param minimumWindow the fewest recent completions that set the pace once there are that many (at least 2) */
    EtaEstimator(int minimumWindow) {
        this.minimumWindow = Math.max(2, minimumWindow);
    }

    /** A target started work at {@code nanos}. */
    void started(long nanos) {
        if (firstStartNanos < 0) {
            firstStartNanos = nanos;
        }
    }

    /** A target that did work finished at {@code nanos}. */
    void finished(long nanos) {
        finished++;
        recent.addLast(nanos);
        // the window grows by half a completion per completion, so at most one entry leaves per call
        while (recent.size() > window()) {
            recent.removeFirst();
        }
    }

    private int window() {
        return Math.max(minimumWindow, finished / 2);
    }

    /**
     * The estimated milliseconds until {@code remaining} more targets have done their work; -1 while
     * no target has finished work yet.
     */
    long etaMs(int remaining, long nowNanos) {
        if (finished == 0 || remaining <= 0) {
            return finished == 0 ? -1 : 0;
        }
        double nanosPerTarget;
        if (recent.size() == window()) {
            nanosPerTarget = (double) (nowNanos - recent.peekFirst()) / (recent.size() - 1);
        } else {
            nanosPerTarget = (double) (nowNanos - firstStartNanos) / finished;
        }
        return (long) (nanosPerTarget * remaining / 1_000_000);
    }
}
