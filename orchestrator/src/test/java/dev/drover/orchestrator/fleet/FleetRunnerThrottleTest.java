package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.runtime.ErrorKind;
import dev.drover.orchestrator.runtime.RunOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Throttled servers in a fleet run: the others go on, the throttled one waits or gives up; probes stay few. */
class FleetRunnerThrottleTest {

    private final RunOptions options = new RunOptions("run-1");
    private final AtomicInteger probes = new AtomicInteger();

    private static List<FleetTarget> fleet(int n, Throttle throttleOfA) {
        List<FleetTarget> targets = new ArrayList<>();
        for (FleetTarget t : Fleets.targets(n, "a", "b")) {
            targets.add("a".equals(t.server()) ? t.withThrottle(throttleOfA) : t);
        }
        return targets;
    }

    private static Throttle throttle(Duration wait) {
        return new Throttle(List.of(new Throttle.Probe("throttle_query", "SELECT load", 10)), wait,
                Duration.ofMillis(20));
    }

    private FleetRunner runner(FakeExecutor executor, ThrottleProbe probe) {
        return new FleetRunner(executor, StateReader.NONE, Clock.systemUTC(), System::nanoTime).withThrottleProbe(
                (via, p) -> {
                    probes.incrementAndGet();
                    return probe.measure(via, p);
                });
    }

    @Test
    void aThrottledServerWaitsWhileTheOthersProceedThenCatchesUp() {
        FakeExecutor executor = new FakeExecutor(null);
        List<FleetTarget> targets = fleet(10, throttle(Duration.ofMinutes(1)));
        List<String> throttledNotices = new CopyOnWriteArrayList<>();
        // Server a is busy until every target of server b has run.
        ThrottleProbe probe = (via, p) -> CompletableFuture.completedFuture(
                executor.executed.stream().filter(k -> odd(k)).count() == 5 ? 1.0 : 50.0);
        FleetListener listener = new FleetListener() {
            @Override
            public void throttleChanged(FleetProgress progress) {
                throttledNotices.addAll(progress.throttled());
            }
        };

        FleetResult result = runner(executor, probe).run(FleetOperation.upgrade("head"), targets,
                RolloutPolicy.defaults().withConcurrency(2), options, listener, new Cancellation());

        assertThat(result.count(OutcomeStatus.SUCCEEDED)).isEqualTo(10);
        assertThat(executor.executed.subList(0, 5)).allMatch(FleetRunnerThrottleTest::odd);
        assertThat(executor.executed.subList(5, 10)).noneMatch(FleetRunnerThrottleTest::odd);
        assertThat(result.throttles()).hasSize(1);
        ThrottleSummary summary = result.throttles().get(0);
        assertThat(summary.server()).isEqualTo("a");
        assertThat(summary.pauses()).isEqualTo(1);
        assertThat(summary.reason()).isEqualTo("throttle_query 50 > 10");
        assertThat(summary.gaveUp()).isFalse();
        assertThat(throttledNotices).anyMatch(n -> n.startsWith("a (throttle_query 50 > 10, "));
        // One measurement per interval at most, not one per target.
        assertThat(probes.get()).isLessThan(1 + (int) (summary.pausedMs() / 20) + 10);
    }

    @Test
    void aServerThatNeverClearsFailsItsRemainingTargetsThrottled() {
        FakeExecutor executor = new FakeExecutor(null);
        List<FleetTarget> targets = fleet(6, throttle(Duration.ZERO));
        ThrottleProbe probe = (via, p) -> CompletableFuture.completedFuture(99.0);

        FleetResult result = runner(executor, probe).run(FleetOperation.upgrade("head"), targets,
                RolloutPolicy.defaults().withContinueOnError(), options, FleetListener.NONE, new Cancellation());

        assertThat(executor.executed).containsExactly("sec/t1", "sec/t3", "sec/t5");
        assertThat(result.outcomes()).filteredOn(o -> o.status() == OutcomeStatus.THROTTLED)
                .extracting(TargetOutcome::key).containsExactly("sec/t0", "sec/t2", "sec/t4");
        TargetOutcome throttled = result.outcomes().get(0);
        assertThat(throttled.error().kind()).isEqualTo(ErrorKind.THROTTLED);
        assertThat(throttled.error().message()).startsWith("server 'a' stayed throttled for longer than throttle_wait 0s "
                + "(throttle_query 99 > 10); the target did not start");
        assertThat(result.throttles()).singleElement().satisfies(t -> assertThat(t.gaveUp()).isTrue());
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void byDefaultAThrottledOutServerStopsTheRolloutLikeAnyFailure() {
        FakeExecutor executor = new FakeExecutor(null);
        ThrottleProbe probe = (via, p) -> CompletableFuture.completedFuture(99.0);

        FleetResult result = runner(executor, probe).run(FleetOperation.upgrade("head"), fleet(6, throttle(Duration.ZERO)),
                RolloutPolicy.defaults().withConcurrency(1), options, FleetListener.NONE, new Cancellation());

        assertThat(result.stopped()).isTrue();
        assertThat(result.count(OutcomeStatus.THROTTLED)).isEqualTo(3);
        assertThat(result.count(OutcomeStatus.SKIPPED) + result.count(OutcomeStatus.SUCCEEDED)).isEqualTo(3);
    }

    private static boolean odd(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf('t') + 1)) % 2 == 1;
    }
}
