package dev.drover.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTML report is self-contained, escapes what it shows, and carries every started target to the timeline. */
class HtmlReportTest {

    @Test
    void thePageLoadsNothingFromElsewhereAndShowsTheSummaryAndFailures() {
        RunReport report = RunReports.from(ReportFixture.result());
        String html = HtmlReport.render(report);

        // The SVG namespace is a name, not an address: nothing is fetched from it.
        assertThat(html.replace("'http://www.w3.org/2000/svg'", "")).doesNotContainPattern("(?i)(src|href)\\s*=")
                .doesNotContain("http://")
                .doesNotContain("https://").doesNotContain("@import").doesNotContain("url(");
        assertThat(html).contains("<td data-count=\"targets\">4</td>").contains("<td data-count=\"failed\">1</td>")
                .contains("<td data-count=\"skipped\">1</td>");
        assertThat(html).contains("<td>3c4d5e6f7a8b</td><td>3</td><td>17</td><td>42P07</td>")
                .contains("relation &quot;invoices&quot; already exists");
        assertThat(html).doesNotContain("s3cret");
    }

    @Test
    void textAndEmbeddedDataCannotBreakOutOfThePage() {
        RunReport.Target hostile = new RunReport.Target("app/x", "app", "x", "x", "jdbc:h2:mem:x", "h2", "failed",
                List.of(), List.of(), 5L, 10, 1, 0, List.of(), new RunReport.Error("r1", 1, 2, "42000", null, null,
                        null, "near \"</script><script>alert(1)</script>\" & <b>"), null);
        RunReport report = new RunReport(1, "run", "upgrade", "head", "v<1>", Instant.EPOCH, Instant.EPOCH, 15,
                new RunReport.Summary(1, 0, 0, 1, 0, 0, 0, 0, 0), List.of(), List.of(hostile));
        String html = HtmlReport.render(report);

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>")
                .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; &lt;b&gt;")
                .contains("tag <code id=\"tag\">v&lt;1&gt;</code>");
        String data = html.substring(html.indexOf("id=\"drover-timeline\">"), html.indexOf("</script>",
                html.indexOf("id=\"drover-timeline\">")));
        assertThat(data).doesNotContain("<");
    }

    @Test
    void theTimelineHasEveryStartedTargetWithItsServerWaveAndRetries() {
        RunReport report = SyntheticReports.fleet(200, 4, 2);
        Map<String, Object> data = HtmlReport.timelineData(report);

        List<?> rows = (List<?>) data.get("targets");
        assertThat(rows).hasSize(200);
        assertThat((List<?>) data.get("servers")).hasSize(4);
        List<Object> first = List.copyOf((List<?>) rows.get(0));
        RunReport.Target target = report.targets().get(0);
        assertThat(first).containsExactly(target.key(), 0, target.startMs(), target.durationMs(),
                ((List<?>) data.get("statuses")).indexOf(target.status()), 0, target.steps().get(0).lockRetries());

        RunReport notStarted = RunReports.from(ReportFixture.result());
        assertThat((List<?>) HtmlReport.timelineData(notStarted).get("targets")).as("fixture outcomes never started")
                .isEmpty();
    }

    @Test
    void theFormatFollowsTheExtensionUnlessNamed() {
        assertThat(ReportFormat.of(Path.of("out/run.html"), null)).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.of(Path.of("run.HTM"), null)).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.of(Path.of("run.json"), null)).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.of(Path.of("run.out"), "HTML")).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.of(Path.of("run.html"), "json")).isEqualTo(ReportFormat.JSON);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportFormat.of(Path.of("r"), "xml"))
                .hasMessage("report format 'xml' is not known; pass --report-format json or --report-format html");
    }
}
