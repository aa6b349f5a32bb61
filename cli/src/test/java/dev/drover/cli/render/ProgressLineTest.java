package dev.drover.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.fleet.FleetProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final StringWriter out = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void withoutATerminalALineAppearsEveryFiveSeconds() {
        ProgressLine line = new ProgressLine(new PrintWriter(out), false, now::get);

        line.started(null, new FleetProgress(100, 0, 0, 1, 0, -1));
        now.addAndGet(4_000);
        line.started(null, new FleetProgress(100, 10, 0, 4, 4_000, 36_000));
        now.addAndGet(1_500);
        line.started(null, new FleetProgress(100, 20, 1, 4, 5_500, 22_000));

        now.addAndGet(4_000);
        line.started(null, new FleetProgress(100, 50, 1, 4, 9_500, 9_000));

        assertThat(out.toString().lines()).containsExactly(
                "drover: 20/100 done, 1 failed, 4 running, ETA 0:22");
    }

    /** Rounded to the nearest second, not up: 5.01 s left is "0:05", not 20% more. */
    @Test
    void theEtaIsRoundedToTheNearestSecond() {
        assertThat(ProgressLine.clock(5_010)).isEqualTo("0:05");
        assertThat(ProgressLine.clock(5_499)).isEqualTo("0:05");
        assertThat(ProgressLine.clock(5_500)).isEqualTo("0:06");
        assertThat(ProgressLine.clock(4_600)).isEqualTo("0:05");
        assertThat(ProgressLine.clock(59_600)).isEqualTo("1:00");
        assertThat(ProgressLine.clock(125_200)).isEqualTo("2:05");
        assertThat(ProgressLine.text(new FleetProgress(100, 90, 0, 4, 45_000, 6_200)))
                .isEqualTo("drover: 90/100 done, 0 failed, 4 running, ETA 0:06");
    }

    /** Under half a second left is still shown as a second, not as "0:00" while targets are running. */
    @Test
    void anEtaUnderHalfASecondShowsOneSecond() {
        assertThat(ProgressLine.text(new FleetProgress(100, 99, 0, 1, 45_000, 300)))
                .isEqualTo("drover: 99/100 done, 0 failed, 1 running, ETA 0:01");
    }

    @Test
    void theLastTargetIsAlwaysShown() {
        ProgressLine line = new ProgressLine(new PrintWriter(out), false, now::get);

        line.started(null, new FleetProgress(2, 0, 0, 2, 0, -1));
        line.finished(null, new FleetProgress(2, 1, 0, 1, 10, 10));
        line.finished(null, new FleetProgress(2, 2, 0, 0, 20, 0));

        assertThat(out.toString().lines()).containsExactly("drover: 2/2 done, 0 failed, 0 running");
    }

    @Test
    void theLineNamesEachThrottledServerWithItsMeasurementAndWait() {
        assertThat(ProgressLine.text(new FleetProgress(10, 4, 0, 2, 8_000, 12_000,
                List.of("db:5432 (replication lag 12.5 > 10, 0:15)")))).isEqualTo(
                "drover: 4/10 done, 0 failed, 2 running, ETA 0:12; throttled: db:5432 (replication lag 12.5 > 10, 0:15)");
        assertThat(ProgressLine.text(new FleetProgress(10, 4, 0, 2, 8_000, 12_000))).doesNotContain("throttled");
    }

    @Test
    void inALogAThrottleChangeIsPrintedAtOnceAndOnlyWhenItChanges() {
        ProgressLine line = new ProgressLine(new PrintWriter(out), false, now::get);
        FleetProgress throttled = new FleetProgress(10, 0, 0, 0, 100, -1,
                List.of("db:5432 (throttle_query 50 > 10, 0:00)"));

        line.started(null, new FleetProgress(10, 0, 0, 1, 0, -1));
        now.addAndGet(1_000);
        line.throttleChanged(throttled);
        now.addAndGet(1_000);
        line.throttleChanged(throttled);
        now.addAndGet(1_000);
        line.throttleChanged(new FleetProgress(10, 0, 0, 0, 3_000, -1));

        assertThat(out.toString().lines()).containsExactly(
                "drover: 0/10 done, 0 failed, 0 running; throttled: db:5432 (throttle_query 50 > 10, 0:00)",
                "drover: 0/10 done, 0 failed, 0 running");
    }
}
