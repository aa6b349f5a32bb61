package dev.drover.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.fleet.FleetProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
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

    @Test
    void theLastTargetIsAlwaysShown() {
        ProgressLine line = new ProgressLine(new PrintWriter(out), false, now::get);

        line.started(null, new FleetProgress(2, 0, 0, 2, 0, -1));
        line.finished(null, new FleetProgress(2, 1, 0, 1, 10, 10));
        line.finished(null, new FleetProgress(2, 2, 0, 0, 20, 0));

        assertThat(out.toString().lines()).containsExactly("drover: 2/2 done, 0 failed, 0 running");
    }
}
