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
}
