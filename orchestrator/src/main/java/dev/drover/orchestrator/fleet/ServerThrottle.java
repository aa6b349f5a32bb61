package dev.drover.orchestrator.fleet;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * One server's throttle during a run (see {@link Throttle}). A measurement holds for the throttle's
 * interval, so a fleet of thousands of tenants sends at most one probe per server per interval. While the
 * server is over a limit it is measured again every interval; once it has stayed over for the throttle's
 * wait it gives up for the rest of the run. The coordinating thread asks {@link #admits()}, which never
 * blocks; a target's own thread may block in {@link #awaitOpen()} between revisions. Thread-safe.
 */
final class ServerThrottle {

    /** Runs a task later (a scheduler in production, a list in tests). */
    interface Timer {
        void after(Duration delay, Runnable task);
    }

    private final String server;
    private final Throttle spec;
    private final FleetTarget via;
    private final ThrottleProbe probe;
    private final LongSupplier nanoTime;
    private final Timer timer;
    private final Runnable onChange;
    private boolean probing;
    private boolean measured;
    private long measuredAt;
    /** The measurement over its limit, e.g. {@code throttle_query 12 > 10}; {@code null} while under every limit. */
    private String over;
    private String lastOver;
    private long throttledSince;
    private int pauses;
    private long pausedNanos;
    private String gaveUp;

    /**
     * @param via      any target of the server, for the probe's connection
     * @param onChange called (on any thread) after each measurement, e.g. to wake the coordinator
     */
    ServerThrottle(String server, Throttle spec, FleetTarget via, ThrottleProbe probe, LongSupplier nanoTime,
            Timer timer, Runnable onChange) {
        this.server = server;
        this.spec = spec;
        this.via = via;
        this.probe = probe;
        this.nanoTime = nanoTime;
        this.timer = timer;
        this.onChange = onChange;
    }

    String server() {
        return server;
    }

    /** Whether a target may start now; never blocks. An outdated measurement starts a probe and answers no. */
    synchronized boolean admits() {
        if (gaveUp != null) {
            return false;
        }
        if (!fresh()) {
            probe();
        }
        return fresh() && over == null && gaveUp == null;
    }

    /**
     * Blocks until work may go on ({@code null}) or the server gave up (why; the target then stops).
     * Used by a target's thread between revisions.
     */
    synchronized String awaitOpen() {
        while (true) {
            if (gaveUp != null) {
                return gaveUp;
            }
            if (fresh() && over == null) {
                return null;
            }
            if (!fresh()) {
                probe();
            }
            try {
                wait(Math.max(1, spec.interval().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while server '" + server + "' was throttled";
            }
        }
    }

    /** The reason the server gave up, or {@code null}. */
    synchronized String gaveUp() {
        return gaveUp;
    }

    /** For a progress line: e.g. {@code db:5432 (replication lag 12 > 10, 0:15)}; {@code null} when not throttled now. */
    synchronized String notice() {
        if (over == null || gaveUp != null) {
            return null;
        }
        long seconds = (nanoTime.getAsLong() - throttledSince) / 1_000_000_000L;
        return server + " (" + over + ", " + seconds / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d",
                seconds % 60) + ")";
    }

    synchronized ThrottleSummary summary() {
        long open = over != null ? nanoTime.getAsLong() - throttledSince : 0;
        return new ThrottleSummary(server, pauses, (pausedNanos + open) / 1_000_000, lastOver, gaveUp != null);
    }

    private boolean fresh() {
        return measured && nanoTime.getAsLong() - measuredAt < spec.interval().toNanos();
    }

    private void probe() {
        if (probing || gaveUp != null) {
            return;
        }
        probing = true;
        CompletionStage<String> result = CompletableFuture.completedFuture(null);
        for (Throttle.Probe each : spec.probes()) {
            result = result.thenCompose(found -> found != null ? CompletableFuture.completedFuture(found)
                    : probe.measure(via, each).thenApply(value -> value > each.max()
                            ? each.name() + " " + number(value) + " > " + number(each.max()) : null));
        }
        result.whenComplete(this::measured);
    }

    private void measured(String overLimit, Throwable failure) {
        synchronized (this) {
            long now = nanoTime.getAsLong();
            probing = false;
            measured = true;
            measuredAt = now;
            if (failure != null) {
                closePause(now);
                gaveUp = "the throttle probe of server '" + server + "' failed (" + message(failure) + "), so nothing "
                        + "more runs there; fix 'throttle_query' / 'max_replication_lag' in drover.ini";
            } else if (overLimit != null) {
                if (over == null) {
                    throttledSince = now;
                    pauses++;
                }
                over = overLimit;
                lastOver = overLimit;
                if (now - throttledSince >= spec.maxWait().toNanos()) {
                    gaveUp = "server '" + server + "' stayed throttled for longer than throttle_wait "
                            + seconds(spec.maxWait()) + " (" + overLimit + ")";
                    closePause(now);
                } else {
                    timer.after(spec.interval(), this::remeasure);
                }
            } else {
                closePause(now);
            }
            notifyAll();
        }
        onChange.run();
    }

    private synchronized void remeasure() {
        probe();
    }

    private void closePause(long now) {
        if (over != null) {
            pausedNanos += now - throttledSince;
            over = null;
        }
    }

    private static String message(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String seconds(Duration d) {
        return number(d.toMillis() / 1000.0) + "s";
    }
}
