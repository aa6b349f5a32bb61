package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.lock.LockTimeoutException;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.store.HistoryRow;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FleetRunnerTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private final AtomicLong nanos = new AtomicLong();
    private final RunOptions options = new RunOptions("run-1");

    private FleetRunner runner(TargetExecutor executor, StateReader reader) {
        // Every reading of the monotonic clock advances it by 1 ms: durations are deterministic and positive.
        return new FleetRunner(executor, reader, Clock.fixed(T0, ZoneOffset.UTC), () -> nanos.addAndGet(1_000_000));
    }

    private static List<String> keys(FleetResult result, OutcomeStatus status) {
        return result.outcomes().stream().filter(o -> o.status() == status).map(TargetOutcome::key).toList();
    }

    @Test
    void defaultPolicyRunsUntilTheFirstFailureAndSkipsTheRest() {
        FakeExecutor executor = new FakeExecutor(null).on("sec/t2", FakeExecutor::failed);

        FleetResult result = runner(executor, StateReader.NONE).run(FleetOperation.upgrade("head"), Fleets.targets(6),
                RolloutPolicy.defaults().withConcurrency(1), options, FleetListener.NONE, new Cancellation());

        assertThat(executor.executed).containsExactly("sec/t0", "sec/t1", "sec/t2");
        assertThat(keys(result, OutcomeStatus.SUCCEEDED)).containsExactly("sec/t0", "sec/t1");
        assertThat(keys(result, OutcomeStatus.FAILED)).containsExactly("sec/t2");
        assertThat(keys(result, OutcomeStatus.SKIPPED)).containsExactly("sec/t3", "sec/t4", "sec/t5");
        assertThat(result.stopped()).isTrue();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.startedAt()).isEqualTo(T0);
        assertThat(result.command()).isEqualTo("upgrade");
        assertThat(result.destination()).isEqualTo("head");
        assertThat(result.outcomes().get(2).error().sqlState()).isEqualTo("42P07");
    }

    @Test
    void everyOutcomeIsPlacedOnTheTimelineWithItsWave() {
        FakeExecutor executor = new FakeExecutor(null).on("sec/t4", FakeExecutor::failed);

        FleetResult result = runner(executor, StateReader.NONE).run(FleetOperation.upgrade("head"), Fleets.targets(7),
                RolloutPolicy.defaults().withConcurrency(1).withCanary(1).withWaveSize(2), options,
                FleetListener.NONE, new Cancellation());

        assertThat(result.outcomes()).extracting(TargetOutcome::wave).containsExactly(0, 1, 1, 2, 2, 3, 3);
        List<Long> starts = result.outcomes().stream().map(TargetOutcome::startMs).toList();
        assertThat(starts.subList(0, 5)).doesNotContainNull().isSorted();
        assertThat(starts.get(0)).isNotNegative();
        assertThat(starts.subList(5, 7)).as("skipped after the failure: never started").containsOnlyNulls();
    }

    @Test
    void continueOnErrorRunsEveryTarget() {
        FakeExecutor executor = new FakeExecutor(null).on("sec/t0", FakeExecutor::failed).on("sec/t3", FakeExecutor::failed);

        FleetResult result = runner(executor, StateReader.NONE).run(FleetOperation.upgrade("head"), Fleets.targets(5),
                RolloutPolicy.defaults().withContinueOnError(), options, FleetListener.NONE, new Cancellation());

        assertThat(executor.executed).hasSize(5);
        assertThat(keys(result, OutcomeStatus.FAILED)).containsExactly("sec/t0", "sec/t3");
        assertThat(result.stopped()).isFalse();
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void cancellingMidRunLetsTheRunningTargetFinishAndCancelsTheRest() {
        Cancellation cancellation = new Cancellation();
        FakeExecutor executor = new FakeExecutor(null).on("sec/t2", t -> {
            cancellation.cancel(); // as a Ctrl-C while t2 runs
            return FakeExecutor.succeeded(t);
        });

        FleetResult result = runner(executor, StateReader.NONE).run(FleetOperation.upgrade("head"), Fleets.targets(6),
                RolloutPolicy.defaults().withConcurrency(1), options, FleetListener.NONE, cancellation);

        assertThat(executor.executed).containsExactly("sec/t0", "sec/t1", "sec/t2");
        assertThat(keys(result, OutcomeStatus.SUCCEEDED)).containsExactly("sec/t0", "sec/t1", "sec/t2");
        assertThat(keys(result, OutcomeStatus.CANCELLED)).containsExactly("sec/t3", "sec/t4", "sec/t5");
        assertThat(result.cancelled()).isTrue();
        assertThat(result.exitCode()).isEqualTo(130);
    }

    @Test
    void lockTimeoutsAndSqlExceptionsBecomeFailedOutcomes() {
        FakeExecutor executor = new FakeExecutor(null)
                .on("sec/t0", t -> {
                    throw new LockTimeoutException(t.key(), Duration.ofSeconds(2), "pid 42 (drover other-run)");
                })
                .on("sec/t1", t -> {
                    throw new CompletionException(new SQLException("connection refused", "08001"));
                });

        FleetResult result = runner(executor, StateReader.NONE).run(FleetOperation.downgrade("base"), Fleets.targets(2),
                RolloutPolicy.defaults().withContinueOnError(), options, FleetListener.NONE, new Cancellation());

        TargetOutcome locked = result.outcomes().get(0);
        assertThat(locked.status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(locked.lockTimeout()).isTrue();
        assertThat(locked.error().message()).contains("'sec/t0'", "pid 42");
        TargetOutcome unreachable = result.outcomes().get(1);
        assertThat(unreachable.lockTimeout()).isFalse();
        assertThat(unreachable.error().sqlState()).isEqualTo("08001");
        assertThat(unreachable.error().message()).isEqualTo("connection refused");
        assertThat(unreachable.durationMs()).isPositive();
        assertThat(result.exitCode()).isEqualTo(3);
    }

    @Test
    void targetsAlreadyAtTheDestinationNeverReachTheExecutor() {
        List<FleetTarget> targets = Fleets.targets(5);
        HistoryRow a1 = new HistoryRow("a1", "upgrade", "v1:sha256:a1", HistoryRow.DONE, 1, "r0", "2026-01-01 00:00:00");
        HistoryRow a2 = new HistoryRow("a2", "upgrade", "v1:sha256:a2", HistoryRow.DONE, 1, "r0", "2026-01-01 00:00:01");
        HistoryRow a2Edited = new HistoryRow("a2", "upgrade", "v1:sha256:other", HistoryRow.DONE, 1, "r0", "2026-01-01 00:00:01");
        HistoryRow a2Started = new HistoryRow("a2", "upgrade", "v1:sha256:a2", HistoryRow.STARTED, 0, "r0", null);
        Map<String, TargetState> states = new HashMap<>();
        states.put("sec/t0", TargetState.of(List.of("a2"), List.of(a1, a2)));
        states.put("sec/t1", TargetState.of(List.of("a1"), List.of(a1)));
        states.put("sec/t2", TargetState.of(List.of("a2"), List.of(a1, a2Edited)));
        states.put("sec/t3", TargetState.of(List.of("a2"), List.of(a1, a2, a2Started)));
        states.put("sec/t4", TargetState.failed("timeout"));
        FakeExecutor executor = new FakeExecutor(null);

        FleetResult result = runner(executor, t -> CompletableFuture.completedFuture(states))
                .run(FleetOperation.upgrade("head"), targets, RolloutPolicy.defaults(), options, FleetListener.NONE,
                        new Cancellation());

        assertThat(executor.executed).as("at head, changed script, half-way, unreadable")
                .containsExactly("sec/t1", "sec/t2", "sec/t3", "sec/t4");
        TargetOutcome noop = result.outcomes().get(0);
        assertThat(noop.status()).isEqualTo(OutcomeStatus.UNCHANGED);
        assertThat(noop.from()).containsExactly("a2");
        assertThat(noop.to()).containsExactly("a2");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void aFailingBulkReadFallsBackToRunningEveryTarget() {
        FakeExecutor executor = new FakeExecutor(null);

        FleetResult result = runner(executor, t -> CompletableFuture.failedFuture(new SQLException("down", "08006")))
                .run(FleetOperation.stamp(List.of("a1"), false), Fleets.targets(3), RolloutPolicy.defaults(), options,
                        FleetListener.NONE, new Cancellation());

        assertThat(executor.executed).hasSize(3);
        assertThat(result.destination()).isEqualTo("a1");
        assertThat(result.command()).isEqualTo("stamp");
    }

    @Test
    void theListenerSeesEveryStartAndFinishOnTheCallingThread() {
        List<String> events = new ArrayList<>();
        Thread caller = Thread.currentThread();
        List<Thread> threads = new ArrayList<>();
        FleetListener listener = new FleetListener() {
            @Override
            public void started(FleetTarget target, FleetProgress progress) {
                events.add("start " + target.key());
                threads.add(Thread.currentThread());
            }

            @Override
            public void finished(TargetOutcome outcome, FleetProgress progress) {
                events.add("done " + outcome.key() + " " + progress.done() + "/" + progress.total() + " failed "
                        + progress.failed());
                threads.add(Thread.currentThread());
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            FakeExecutor executor = new FakeExecutor(pool).on("sec/t1", FakeExecutor::failed);
            runner(executor, StateReader.NONE).run(FleetOperation.upgrade("head"), Fleets.targets(3),
                    RolloutPolicy.defaults().withConcurrency(1).withContinueOnError(), options, listener,
                    new Cancellation());
        } finally {
            pool.shutdown();
        }
        assertThat(events).containsExactly("start sec/t0", "done sec/t0 1/3 failed 0", "start sec/t1",
                "done sec/t1 2/3 failed 1", "start sec/t2", "done sec/t2 3/3 failed 1");
        assertThat(threads).containsOnly(caller);
    }

    @Test
    void limitsHoldWithTargetsCompletingOnOtherThreads() {
        List<FleetTarget> targets = Fleets.targets(200, "a", "b", "b", "c");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        FakeExecutor executor = new FakeExecutor(pool);
        FleetResult result;
        try {
            result = runner(executor, StateReader.NONE).run(FleetOperation.upgrade("head"), targets,
                    RolloutPolicy.defaults().withConcurrency(6).withServerLimit("a", 1).withDefaultServerLimit(3),
                    options, FleetListener.NONE, new Cancellation());
        } finally {
            pool.shutdown();
        }
        assertThat(result.count(OutcomeStatus.SUCCEEDED)).isEqualTo(200);
        assertThat(executor.maxInFlight.get()).isBetween(1, 6);
        assertThat(executor.maxPerServer.get("a")).isEqualTo(1);
        assertThat(executor.maxPerServer.get("b")).isBetween(1, 3);
        assertThat(executor.maxPerServer.get("c")).isBetween(1, 3);
    }

    @Test
    void emptyFleetIsASuccess() {
        FleetResult result = runner(new FakeExecutor(null), StateReader.NONE).run(FleetOperation.upgrade("head"),
                List.of(), RolloutPolicy.defaults().withCanary(2), options, FleetListener.NONE, new Cancellation());
        assertThat(result.outcomes()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }

}
