package dev.drover.orchestrator.fleet;

/**
 * Estimates the time left in a fleet run from the pace of the targets that did work: targets found
 * already at their destination by the bulk read finish at once and say nothing about the rest, and
 * the time before the first target started (reading the fleet) is not work either.
 *
 * <p>The pace is an exponentially weighted rate of completions: a completion {@code a} nanoseconds ago
 * weighs {@code exp(-a / tau)}, and the sum is divided by the weight of the time observed since the
 * first start, {@code tau (1 - exp(-elapsed / tau))}, so a young run is not biased (while {@code elapsed}
 * is much shorter than {@code tau} this is simply the whole run's pace). The time constant {@code tau} is
 * {@code timeConstant}, or the time of {@code intervals} average completions when that is longer, so a
 * fleet whose targets take minutes each is not judged by the silence between two completions. With
 * 10 s, a change of pace (a neighbour's load, a slow stretch of the fleet) shows in the estimate within
 * about 10-20 s, while swings of a few seconds (checkpoints, file-system flushes) are smoothed out; a
 * slow start (cold JVM, canary, connections being opened) fades the same way. (Main's estimator, the pace
 * of the more recent half of the completions, followed a change of pace later the longer the run had
 * lasted; replayed over the same recorded 10,000-target runs it erred more: see bench/RESULTS.md and
 * bench/EtaReplay.java.) The estimate is the time until the last target is done, not until the command
 * ends. O(1) per call; pure: the caller passes monotonic times; not thread-safe.
 */
final class EtaEstimator {

    /** The fleet runner's shortest time constant: 10 s. */
    static final long TIME_CONSTANT_NANOS = 10_000_000_000L;
    /** The fleet runner's time constant is at least this many average intervals between completions. */
    static final int INTERVALS = 8;

    private final double timeConstant;
    private final int intervals;
    private long firstStartNanos = -1;
    private long lastFinishNanos;
    /** The decayed count of completions, as of {@link #lastFinishNanos}. */
    private double weight;
    private int finished;

    /** The fleet runner's estimator: {@link #TIME_CONSTANT_NANOS}, {@link #INTERVALS}. */
    EtaEstimator() {
        this(TIME_CONSTANT_NANOS, INTERVALS);
    }

    /**
     * @param timeConstantNanos the shortest time constant of the weighting ({@code tau}), in nanoseconds (positive)
     * @param intervals         {@code tau} is at least this many average intervals between completions (at least 1)
     */
    EtaEstimator(long timeConstantNanos, int intervals) {
        if (timeConstantNanos <= 0) {
            throw new IllegalArgumentException("time constant must be positive, got " + timeConstantNanos + " ns");
        }
        this.timeConstant = timeConstantNanos;
        this.intervals = Math.max(1, intervals);
    }

    /** A target started work at {@code nanos}. */
    void started(long nanos) {
        if (firstStartNanos < 0) {
            firstStartNanos = nanos;
        }
    }

    /** A target that did work finished at {@code nanos}. */
    void finished(long nanos) {
        started(nanos);
        weight = finished == 0 ? 1 : decayed(nanos) + 1;
        lastFinishNanos = nanos;
        finished++;
    }

    /**
     * The estimated milliseconds until {@code remaining} more targets have done their work; -1 while
     * no target has finished work yet, 0 when none remains.
     */
    long etaMs(int remaining, long nowNanos) {
        if (finished == 0 || remaining <= 0) {
            return finished == 0 ? -1 : 0;
        }
        long now = Math.max(nowNanos, lastFinishNanos);
        double elapsed = Math.max(1, now - firstStartNanos);
        double tau = tau(elapsed);
        double perNano = decayed(now) / (tau * -Math.expm1(-elapsed / tau));
        return (long) (remaining / perNano / 1_000_000);
    }

    private double tau(double elapsed) {
        return Math.max(timeConstant, intervals * elapsed / finished);
    }

    private double decayed(long nanos) {
        double elapsed = Math.max(1, nanos - firstStartNanos);
        return weight * Math.exp(-(nanos - lastFinishNanos) / tau(elapsed));
    }
}
