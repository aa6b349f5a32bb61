package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.lock.LockTimeoutException;
import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.TargetResult;
import io.vertx.core.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;

/**
 * Fans one operation out over an ordered fleet of targets (docs/cli.md and docs/design.md, Concurrency).
 *
 * <p>{@link #run} coordinates on the calling thread with plain {@code java.util.concurrent}: it hands
 * targets to the {@link TargetExecutor} (whose JDBC runs on the runtime's own threads) and waits for
 * their completions on a queue, so no Vert.x event loop ever blocks. Before starting, it reads every
 * target's version and history tables in bulk ({@link StateReader}); a target whose plan is already
 * empty, with nothing the runtime would refuse, is reported {@code unchanged} without a lock or a
 * transaction.
 */
public final class FleetRunner {

    private final TargetExecutor executor;
    private final StateReader reader;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private ThrottleProbe throttleProbe;

    /**
     * @param clock    wall clock for {@code startedAt}/{@code finishedAt}
     * @param nanoTime monotonic time for durations (e.g. {@code System::nanoTime})
     */
    public FleetRunner(TargetExecutor executor, StateReader reader, Clock clock, LongSupplier nanoTime) {
        this.executor = executor;
        this.reader = reader;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** The production runner: targets run through {@code runtime}, states read and throttles probed through it. */
    public static FleetRunner on(MigrationRuntime runtime) {
        return new FleetRunner(new RuntimeTargetExecutor(runtime), new RuntimeStateReader(runtime),
                Clock.systemUTC(), System::nanoTime).withThrottleProbe(new RuntimeThrottleProbe(runtime));
    }

    /**
     * Honours the targets' {@link FleetTarget#throttle()}s, measuring them with {@code probe}; without one
     * (the default) no target is throttled.
     */
    public FleetRunner withThrottleProbe(ThrottleProbe probe) {
        this.throttleProbe = probe;
        return this;
    }

    /**
     * Runs {@code operation} over {@code targets} (in this order) under {@code policy}; blocks until every
     * started target has finished. Never throws for a target's failure: every target gets an outcome.
     * If the calling thread is interrupted, the run is cancelled as by {@code cancellation} and the
     * interrupt flag is restored on return.
     *
     * @throws IllegalStateException when called on a Vert.x event-loop thread
     */
    public FleetResult run(FleetOperation operation, List<FleetTarget> targets, RolloutPolicy policy,
            RunOptions options, FleetListener listener, Cancellation cancellation) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("FleetRunner.run must not be called on a Vert.x event loop");
        }
        Instant startedAt = clock.instant();
        long start = nanoTime.getAsLong();
        Run run = new Run(operation, targets, policy, options, listener, cancellation, start);
        boolean interrupted;
        try (Throttles throttles = run.throttles) {
            interrupted = run.execute();
        }
        List<TargetOutcome> outcomes = run.outcomes();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        RolloutScheduler.Stop stop = run.scheduler.stop();
        return new FleetResult(options.runId(), operation.command(), operation.destination(), startedAt, clock.instant(),
                (nanoTime.getAsLong() - start) / 1_000_000, outcomes, stop == RolloutScheduler.Stop.POLICY,
                stop == RolloutScheduler.Stop.CANCEL, run.throttles.summaries());
    }

    /** A finished target, or a wake-up ({@code index < 0}) after a cancellation or a throttle measurement. */
    private record Event(int index, TargetResult result, Throwable error, long durationMs) {}

    /** The mutable state of one run, confined to the coordinating thread. */
    private final class Run {
        private final FleetOperation operation;
        private final List<FleetTarget> targets;
        private final RunOptions options;
        private final FleetListener listener;
        private final Cancellation cancellation;
        private final long start;
        private final RolloutScheduler scheduler;
        private final TargetOutcome[] outcomes;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final EtaEstimator eta;
        private final Throttles throttles;
        private final AtomicLong[] throttleWaits;
        /** When each target started, in ms since the run started (null: not started). */
        private final Long[] startMs;
        private int done;
        private int failed;
        /** Which targets the bulk read found already at their destination (no lock, no transaction needed). */
        private boolean[] noOp;
        /** Of those, the ones not started yet. */
        private int noOpsAhead;

        Run(FleetOperation operation, List<FleetTarget> targets, RolloutPolicy policy, RunOptions options,
                FleetListener listener, Cancellation cancellation, long start) {
            this.operation = operation;
            this.targets = List.copyOf(targets);
            this.options = options;
            this.listener = listener;
            this.cancellation = cancellation;
            this.start = start;
            this.scheduler = new RolloutScheduler(this.targets, policy);
            this.outcomes = new TargetOutcome[this.targets.size()];
            this.eta = new EtaEstimator();
            this.throttles = Throttles.of(this.targets, throttleProbe, nanoTime,
                    () -> events.add(new Event(-1, null, null, 0)));
            this.throttleWaits = new AtomicLong[this.targets.size()];
            this.startMs = new Long[this.targets.size()];
        }

        /** Returns whether the thread was interrupted meanwhile. */
        boolean execute() {
            cancellation.onCancel(() -> events.add(new Event(-1, null, null, 0)));
            boolean interrupted = false;
            Map<String, TargetState> states = Map.of();
            try {
                states = MigrationRuntime.await(reader.read(targets));
            } catch (SQLException | RuntimeException e) {
                // Bulk reads only save work: without them every target goes to the runtime.
            }
            noOp = new boolean[targets.size()];
            for (int i = 0; i < targets.size(); i++) {
                noOp[i] = isNoOp(targets.get(i), states.get(targets.get(i).key()));
                noOpsAhead += noOp[i] ? 1 : 0;
            }
            while (true) {
                if (cancellation.isCancelled()) {
                    scheduler.cancel();
                }
                failThrottledServers();
                startAll(states);
                if (scheduler.done()) {
                    return interrupted;
                }
                try {
                    Event event = events.take();
                    if (event.index() >= 0) {
                        eta.finished(nanoTime.getAsLong());
                        finish(event.index(), outcomeOf(targets.get(event.index()), event)
                                .withThrottleWait(throttleWaitMs(event.index())));
                    } else {
                        notify(() -> listener.throttleChanged(progress()));
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancellation.cancel();
                }
            }
        }

        private void startAll(Map<String, TargetState> states) {
            // A target with nothing to do runs nothing on its server, so no throttle holds it back.
            IntPredicate admits = i -> noOp[i] || throttles.admits(i);
            List<Integer> now = scheduler.startable(admits);
            while (!now.isEmpty()) {
                for (int index : now) {
                    start(index, states.get(targets.get(index).key()));
                }
                now = scheduler.startable(admits);
            }
        }

        /** The targets not started yet on a server that gave up on its throttle end throttled. */
        private void failThrottledServers() {
            if (!throttles.anyGaveUp()) {
                return;
            }
            for (int index : scheduler.abandon(i -> !noOp[i] && throttles.gaveUp(i) != null)) {
                finish(index, TargetOutcome.throttled(targets.get(index), throttles.gaveUp(index)));
            }
        }

        private long throttleWaitMs(int index) {
            return throttleWaits[index] == null ? 0 : throttleWaits[index].get() / 1_000_000;
        }

        private boolean isNoOp(FleetTarget target, TargetState state) {
            return state != null && state.readable() && state.clean(target.scripts())
                    && operation.isNoOp(target.scripts(), state.heads());
        }

        private void start(int index, TargetState state) {
            FleetTarget target = targets.get(index);
            startMs[index] = (nanoTime.getAsLong() - start) / 1_000_000;
            if (noOp[index]) {
                noOpsAhead--;
                notify(() -> listener.started(target, progress()));
                finish(index, TargetOutcome.unchanged(target, state.heads()));
                return;
            }
            long begin = nanoTime.getAsLong();
            eta.started(begin);
            notify(() -> listener.started(target, progress()));
            throttleWaits[index] = new AtomicLong();
            try {
                executor.execute(target, operation, options.withGate(throttles.gate(index, throttleWaits[index])))
                        .whenComplete((result, error) ->
                        events.add(new Event(index, result, error, (nanoTime.getAsLong() - begin) / 1_000_000)));
            } catch (RuntimeException e) {
                events.add(new Event(index, null, e, (nanoTime.getAsLong() - begin) / 1_000_000));
            }
        }

        private void finish(int index, TargetOutcome outcome) {
            outcomes[index] = outcome;
            done++;
            failed += outcome.failed() ? 1 : 0;
            scheduler.finished(index, outcome.failed());
            notify(() -> listener.finished(outcome, progress()));
        }

        /** A failing progress display must not abandon targets in flight. */
        private void notify(Runnable call) {
            try {
                call.run();
            } catch (RuntimeException e) {
                // ignored on purpose: the outcome is recorded regardless
            }
        }

        private FleetProgress progress() {
            long now = nanoTime.getAsLong();
            return new FleetProgress(targets.size(), done, failed, scheduler.running(), (now - start) / 1_000_000,
                    eta.etaMs(targets.size() - done - noOpsAhead, now), throttles.notices());
        }

        List<TargetOutcome> outcomes() {
            OutcomeStatus notStarted = scheduler.stop() == RolloutScheduler.Stop.CANCEL
                    ? OutcomeStatus.CANCELLED : OutcomeStatus.SKIPPED;
            List<TargetOutcome> all = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                TargetOutcome outcome = outcomes[i] != null ? outcomes[i]
                        : TargetOutcome.notStarted(targets.get(i), notStarted);
                all.add(outcome.withTiming(startMs[i], scheduler.waveOf(i)));
            }
            return all;
        }
    }

    /** A completed stage as an outcome: exceptions become failures with their message (and SQLSTATE). */
    static TargetOutcome outcomeOf(FleetTarget target, Event event) {
        if (event.error() == null) {
            return TargetOutcome.of(target, event.result());
        }
        Throwable cause = event.error();
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String sqlState = cause instanceof SQLException sql ? sql.getSQLState() : null;
        String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        return TargetOutcome.builder(target, OutcomeStatus.FAILED).durationMs(event.durationMs())
                .error(new StepError(null, null, null, sqlState, message))
                .lockTimeout(cause instanceof LockTimeoutException).build();
    }
}
