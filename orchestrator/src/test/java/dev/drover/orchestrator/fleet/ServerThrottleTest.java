package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One server's throttle with a hand-driven probe, clock and timer: no sleeping. */
class ServerThrottleTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<CompletableFuture<Double>> probes = new ArrayList<>();
    private final List<Runnable> timer = new ArrayList<>();
    private final AtomicInteger changes = new AtomicInteger();
    private final Throttle spec = new Throttle(List.of(new Throttle.Probe("throttle_query", "SELECT load", 10)),
            Duration.ofSeconds(30), Duration.ofSeconds(1));
    private final ServerThrottle throttle = new ServerThrottle("db:5432", spec, Fleets.targets(1).get(0),
            (via, probe) -> {
                CompletableFuture<Double> answer = new CompletableFuture<>();
                probes.add(answer);
                return answer;
            }, nanos::get, (delay, task) -> timer.add(task), changes::incrementAndGet);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void oneMeasurementServesEveryTargetForTheInterval() {
        assertThat(throttle.admits()).isFalse();
        assertThat(throttle.admits()).isFalse();
        assertThat(probes).hasSize(1);

        probes.get(0).complete(3.0);
        assertThat(changes).hasValue(1);
        assertThat(throttle.admits()).isTrue();
        advance(Duration.ofMillis(900));
        assertThat(throttle.admits()).isTrue();
        assertThat(probes).hasSize(1);

        advance(Duration.ofMillis(200));
        assertThat(throttle.admits()).isFalse();
        assertThat(probes).hasSize(2);
    }

    @Test
    void overItsLimitTheServerPausesIsMeasuredAgainEachIntervalAndResumes() {
        throttle.admits();
        probes.get(0).complete(12.0);
        assertThat(throttle.admits()).isFalse();
        assertThat(throttle.notice()).isEqualTo("db:5432 (throttle_query 12 > 10, 0:00)");
        assertThat(timer).hasSize(1);

        advance(Duration.ofSeconds(4));
        timer.get(0).run();
        probes.get(1).complete(10.0);

        assertThat(throttle.admits()).isTrue();
        assertThat(throttle.notice()).isNull();
        assertThat(throttle.summary()).isEqualTo(new ThrottleSummary("db:5432", 1, 4000, "throttle_query 12 > 10", false));
    }

    @Test
    void aServerThrottledForLongerThanItsWaitGivesUp() {
        throttle.admits();
        probes.get(0).complete(50.0);
        advance(Duration.ofSeconds(31));
        timer.get(0).run();
        probes.get(1).complete(40.0);

        assertThat(throttle.gaveUp()).isEqualTo("server 'db:5432' stayed throttled for longer than throttle_wait 30s "
                + "(throttle_query 40 > 10)");
        assertThat(throttle.admits()).isFalse();
        assertThat(throttle.awaitOpen()).isEqualTo(throttle.gaveUp());
        assertThat(throttle.summary().gaveUp()).isTrue();
        assertThat(throttle.summary().pausedMs()).isEqualTo(31000);
    }

    @Test
    void aProbeThatFailsGivesUpAtOnceNamingTheError() {
        throttle.admits();
        probes.get(0).completeExceptionally(new SQLException("relation \"load\" does not exist"));

        assertThat(throttle.gaveUp()).contains("the throttle probe of server 'db:5432' failed")
                .contains("relation \"load\" does not exist").contains("fix 'throttle_query'");
    }

    @Test
    void aTargetBetweenRevisionsWaitsUntilTheServerIsBelowItsLimit() throws Exception {
        throttle.admits();
        probes.get(0).complete(20.0);
        advance(Duration.ofSeconds(2));

        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(throttle::awaitOpen);
        synchronized (throttle) {
            while (probes.size() < 2) {
                throttle.wait(10);
            }
        }
        assertThat(waiting).isNotDone();
        probes.get(1).complete(1.0);

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isNull();
    }
}
