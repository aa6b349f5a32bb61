package dev.drover.orchestrator.fleet;

import java.util.ArrayDeque;

/**
 * Estimates the time left in a fleet run from the pace of the targets that did work: targets found
 * already at their destination by the bulk read finish at once and say nothing about the rest, and
 * the time before the first target started (reading the fleet) is not work either. The pace is
 * measured over the most recent completions, so a slow start (a cold JVM, a canary) fades out.
 * Pure: the caller passes monotonic times; not thread-safe.
 */
final class EtaEstimator {

    private final int window;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private long firstStartNanos = -1;
    private int finished;

    /** @param window how many recent completions set the pace (at least 2) */
    EtaEstimator(int window) {
        this.window = Math.max(2, window);
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
        if (recent.size() > window) {
            recent.removeFirst();
        }
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
        if (recent.size() == window) {
            nanosPerTarget = (double) (nowNanos - recent.peekFirst()) / (window - 1);
        } else {
            nanosPerTarget = (double) (nowNanos - firstStartNanos) / finished;
        }
        return (long) (nanosPerTarget * remaining / 1_000_000);
    }
}
