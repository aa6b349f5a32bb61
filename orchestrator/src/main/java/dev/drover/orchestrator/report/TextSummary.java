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

    /** The statuses listed under "failures:". */
    private static final java.util.Set<String> FAILURES = java.util.Set.of("failed", "lock_timeout", "throttled",
            "in_doubt");

    private TextSummary() {}

    /** The summary, lines separated by {@code \n}, ending with a newline. */
    public static String render(RunReport report) {
        List<String> lines = new ArrayList<>();
        RunReport.Summary s = report.summary();
        lines.add(report.command() + " " + report.destination() + ": " + s.targets() + " targets in "
                + seconds(report.durationMs()) + " (run " + report.runId() + ")");
        lines.add("  succeeded " + s.succeeded() + ", unchanged " + s.unchanged() + ", failed " + s.failed()
                + (s.lockTimeout() + s.throttled() > 0 ? ", lock-timeout " + s.lockTimeout() + ", throttled " + s.throttled() : "")
                + ", skipped " + s.skipped() + ", cancelled " + s.cancelled() + ", in doubt " + s.inDoubt());
        List<RunReport.Target> ran = report.targets().stream().filter(t -> t.durationMs() > 0)
                .sorted(Comparator.comparingLong(RunReport.Target::durationMs).reversed()
                        .thenComparing(RunReport.Target::key))
                .limit(SLOWEST).toList();
        if (!ran.isEmpty()) {
            lines.add("slowest:");
            ran.forEach(t -> lines.add("  " + t.key() + "  " + seconds(t.durationMs()) + "  " + spelled(t.status())));
        }
        if (!report.throttles().isEmpty()) {
            lines.add("throttled servers:");
            report.throttles().forEach(t -> lines.add("  " + t.server() + "  paused " + t.pauses() + " time(s), "
                    + seconds(t.pausedMs()) + " in all" + (t.reason() == null ? "" : " (last: " + t.reason() + ")")
                    + (t.gaveUp() ? "; gave up: its remaining targets are throttled" : "")));
        }
        if (!report.reassigned().isEmpty()) {
            lines.add("reassigned (their node was lost):");
            report.reassigned().forEach(r -> lines.add("  " + r.key() + "  " + r.from() + " -> "
                    + (r.to() == null ? "no live agent of its zone" : r.to())));
        }
        List<RunReport.Target> failures = report.targets().stream()
                .filter(t -> FAILURES.contains(t.status())).toList();
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
            boolean cluster = report.targets().stream().anyMatch(t -> t.node() != null);
            lines.add(s.inDoubt() + " target(s) in doubt; run 'drover recover" + (cluster
                    ? " --cluster' on this machine (its journal holds the decisions)" : "'"));
        }
        return String.join("\n", lines) + "\n";
    }

    /** How text output spells a status: {@code lock-timeout}, {@code in-doubt} (the report's {@code _} as {@code -}). */
    public static String spelled(String status) {
        return status.replace('_', '-');
    }

    private static String failure(RunReport.Target target) {
        RunReport.Error e = target.error();
        if (e == null) {
            return spelled(target.status());
        }
        List<String> where = new ArrayList<>();
        where.add("revision " + (e.revision() == null ? "-" : "'" + e.revision() + "'"));
        where.add("statement " + (e.statement() == null ? "-" : e.statement()));
        where.add("line " + (e.line() == null ? "-" : e.line()));
        where.add("SQLSTATE " + (e.sqlState() == null ? "-" : e.sqlState()));
        return (e.kind() == null ? "" : spelled(e.kind()) + ", ") + String.join(", ", where) + ": " + e.message();
    }

    private static String seconds(long ms) {
        return ms < 1000 ? ms + "ms" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
