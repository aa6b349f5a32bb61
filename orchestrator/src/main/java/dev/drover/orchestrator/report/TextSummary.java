package dev.drover.orchestrator.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text summary printed at the end of every fleet command: counts, the slowest targets, and every
 * failure with its revision, statement, line and SQLSTATE.
 */
public final class TextSummary {

    /** How many of the slowest targets are listed. */
    public static final int SLOWEST = 5;

    private TextSummary() {}

    /** The summary, lines separated by {@code \n}, ending with a newline. */
    public static String render(RunReport report) {
        List<String> lines = new ArrayList<>();
        RunReport.Summary s = report.summary();
        lines.add(report.command() + " " + report.destination() + ": " + s.targets() + " targets in "
                + seconds(report.durationMs()) + " (run " + report.runId() + ")");
        lines.add("  succeeded " + s.succeeded() + ", unchanged " + s.unchanged() + ", failed " + s.failed()
                + ", skipped " + s.skipped() + ", cancelled " + s.cancelled() + ", in doubt " + s.inDoubt());
        List<RunReport.Target> ran = report.targets().stream().filter(t -> t.durationMs() > 0)
                .sorted(Comparator.comparingLong(RunReport.Target::durationMs).reversed()
                        .thenComparing(RunReport.Target::key))
                .limit(SLOWEST).toList();
        if (!ran.isEmpty()) {
            lines.add("slowest:");
            ran.forEach(t -> lines.add("  " + t.key() + "  " + seconds(t.durationMs()) + "  " + t.status()));
        }
        List<RunReport.Target> failures = report.targets().stream()
                .filter(t -> "failed".equals(t.status()) || "in_doubt".equals(t.status())).toList();
        if (!failures.isEmpty()) {
            lines.add("failures:");
            failures.forEach(t -> lines.add("  " + t.key() + ": " + failure(t)));
        }
        if (s.skipped() > 0) {
            lines.add(s.skipped() + " target(s) skipped because the rollout stopped; fix the failures and run again");
        }
        if (s.cancelled() > 0) {
            lines.add(s.cancelled() + " target(s) cancelled before they started; run again to continue");
        }
        if (s.inDoubt() > 0) {
            lines.add(s.inDoubt() + " target(s) in doubt; run 'drover recover'");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String failure(RunReport.Target target) {
        RunReport.Error e = target.error();
        if (e == null) {
            return target.status();
        }
        List<String> where = new ArrayList<>();
        where.add("revision " + (e.revision() == null ? "-" : "'" + e.revision() + "'"));
        where.add("statement " + (e.statement() == null ? "-" : e.statement()));
        where.add("line " + (e.line() == null ? "-" : e.line()));
        where.add("SQLSTATE " + (e.sqlState() == null ? "-" : e.sqlState()));
        return String.join(", ", where) + ": " + e.message();
    }

    private static String seconds(long ms) {
        return ms < 1000 ? ms + "ms" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
