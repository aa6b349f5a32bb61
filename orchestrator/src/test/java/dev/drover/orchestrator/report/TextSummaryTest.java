package dev.drover.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSummaryTest {

    @Test
    void showsCountsSlowestTargetsAndEveryFailureWithItsLocation() {
        String text = TextSummary.render(RunReports.from(ReportFixture.result()));

        assertThat(text).isEqualTo("""
                upgrade head: 4 targets in 1.2s (run run-42)
                  succeeded 1, unchanged 1, failed 1, skipped 1, cancelled 0, in doubt 0
                slowest:
                  billing/globex  55ms  failed
                  billing/acme  40ms  succeeded
                failures:
                  billing/globex: revision '3c4d5e6f7a8b', statement 3, line 17, SQLSTATE 42P07: relation "invoices" already exists
                1 target(s) skipped because the rollout stopped; fix the failures and run again
                """);
    }

    @Test
    void spellsLockTimeoutsAndThrottlesAndShowsEachThrottledServer() {
        String text = TextSummary.render(RunReports.from(ReportFixture.live()));

        assertThat(text).contains("  succeeded 1, unchanged 0, failed 0, lock-timeout 1, throttled 1, skipped 0,")
                .contains("  billing/globex  9.0s  lock-timeout\n")
                .contains("throttled servers:\n  db:5432  paused 2 time(s), 301.5s in all (last: throttle_query 12 > 10); "
                        + "gave up: its remaining targets are throttled\n")
                .contains("  billing/globex: lock-timeout, revision 'a2', statement 1, line 11, SQLSTATE 55P03: lock timeout:")
                .contains("  billing/initech: throttled, revision -, statement -, line -, SQLSTATE -: server 'db:5432'");
    }
}
