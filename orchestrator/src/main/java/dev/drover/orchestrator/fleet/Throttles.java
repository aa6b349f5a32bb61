package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.RevisionGate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The throttles of one fleet run: one {@link ServerThrottle} per server and throttle setting (targets of
 * sections that share a server and a setting share one), looked up by the target's index in the run.
 * Targets without a throttle are always admitted. Close it to stop the re-measuring timer.
 */
final class Throttles implements AutoCloseable {

    private final ServerThrottle[] byIndex;
    private final List<ServerThrottle> all;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoTime;

    private Throttles(ServerThrottle[] byIndex, List<ServerThrottle> all, ScheduledExecutorService timer,
            LongSupplier nanoTime) {
        this.byIndex = byIndex;
        this.all = all;
        this.timer = timer;
        this.nanoTime = nanoTime;
    }

    /**
     * @param probe    runs the probes; {@code null} turns throttling off
     * @param onChange called after every measurement (any thread)
     */
    static Throttles of(List<FleetTarget> targets, ThrottleProbe probe, LongSupplier nanoTime, Runnable onChange) {
        ServerThrottle[] byIndex = new ServerThrottle[targets.size()];
        Map<List<Object>, ServerThrottle> shared = new LinkedHashMap<>();
        boolean any = probe != null && targets.stream().anyMatch(t -> t.throttle() != null);
        ScheduledExecutorService timer = any ? timer() : null;
        for (int i = 0; any && i < targets.size(); i++) {
            FleetTarget target = targets.get(i);
            if (target.throttle() != null) {
                byIndex[i] = shared.computeIfAbsent(List.of(target.server(), target.throttle()),
                        k -> new ServerThrottle(target.server(), target.throttle(), target, probe, nanoTime,
                                (delay, task) -> timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                                onChange));
            }
        }
        return new Throttles(byIndex, List.copyOf(shared.values()), timer, nanoTime);
    }

    /** Whether target {@code index} may start now (never blocks). */
    boolean admits(int index) {
        return byIndex[index] == null || byIndex[index].admits();
    }

    /** Why target {@code index}'s server gave up, or {@code null}. */
    String gaveUp(int index) {
        return byIndex[index] == null ? null : byIndex[index].gaveUp();
    }

    /** Whether any server gave up. */
    boolean anyGaveUp() {
        return all.stream().anyMatch(t -> t.gaveUp() != null);
    }

    /** The gate target {@code index} asks between revisions; adds the time it waited to {@code waited} (nanoseconds). */
    RevisionGate gate(int index, AtomicLong waited) {
        ServerThrottle throttle = byIndex[index];
        if (throttle == null) {
            return RevisionGate.OPEN;
        }
        return () -> {
            long start = nanoTime.getAsLong();
            try {
                return throttle.awaitOpen();
            } finally {
                waited.addAndGet(nanoTime.getAsLong() - start);
            }
        };
    }

    /** The servers throttled right now, for a progress line. */
    List<String> notices() {
        return all.stream().map(ServerThrottle::notice).filter(Objects::nonNull).toList();
    }

    /** Per server that was ever measured over a limit (or gave up). */
    List<ThrottleSummary> summaries() {
        List<ThrottleSummary> summaries = new ArrayList<>();
        for (ServerThrottle throttle : all) {
            ThrottleSummary summary = throttle.summary();
            if (summary.pauses() > 0 || summary.gaveUp()) {
                summaries.add(summary);
            }
        }
        return summaries;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "drover-throttle");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
