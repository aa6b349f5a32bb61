import dev.drover.orchestrator.report.HtmlReport;
import dev.drover.orchestrator.report.SyntheticReports;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the HTML report of a synthetic fleet run of N targets (bench/html-report.sh). */
public class HtmlReportPages {
    public static void main(String[] args) throws Exception {
        int targets = Integer.parseInt(args[0]);
        int servers = Math.max(1, Math.min(20, targets / 50));
        Files.writeString(Path.of(args[1]), HtmlReport.render(SyntheticReports.fleet(targets, servers, 8)));
    }
}
