package dev.drover.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.fleet.FleetProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void theLineNamesEachThrottledServerWithItsMeasurementAndWait() {
        assertThat(ProgressLine.text(new FleetProgress(10, 4, 0, 2, 8_000,
                List.of("db:5432 (replication lag 12.5 > 10, 0:15)")))).isEqualTo(
                "drover: 4/10 done, 0 failed, 2 running, ETA 0:12; throttled: db:5432 (replication lag 12.5 > 10, 0:15)");
        assertThat(ProgressLine.text(new FleetProgress(10, 4, 0, 2, 8_000))).doesNotContain("throttled");
    }

    @Test
    void inALogAThrottleChangeIsPrintedAtOnceAndOnlyWhenItChanges() {
        StringWriter log = new StringWriter();
        long[] now = {0};
        ProgressLine line = new ProgressLine(new PrintWriter(log), false, () -> now[0]);
        FleetProgress throttled = new FleetProgress(10, 0, 0, 0, 100, List.of("db:5432 (throttle_query 50 > 10, 0:00)"));

        line.started(null, new FleetProgress(10, 0, 0, 1, 0));
        now[0] = 1_000;
        line.throttleChanged(throttled);
        now[0] = 2_000;
        line.throttleChanged(throttled);
        now[0] = 3_000;
        line.throttleChanged(new FleetProgress(10, 0, 0, 0, 3_000));

        assertThat(log.toString().lines()).containsExactly(
                "drover: 0/10 done, 0 failed, 1 running",
                "drover: 0/10 done, 0 failed, 0 running; throttled: db:5432 (throttle_query 50 > 10, 0:00)",
                "drover: 0/10 done, 0 failed, 0 running");
    }
}
