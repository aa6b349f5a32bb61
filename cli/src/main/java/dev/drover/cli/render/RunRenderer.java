package dev.drover.cli.render;

import dev.drover.orchestrator.report.RunReport;
import dev.drover.orchestrator.report.TextSummary;
import java.io.PrintWriter;
import java.util.List;

/**
 * Renders a fleet run: one line per target (all of them with {@code -v} or in small fleets, each
 * with its steps under {@code -v}), then the text summary with every failure's revision,
 * statement, line and SQLSTATE.
 */
public final class RunRenderer {

    /** Fleets up to this size list every target without {@code -v}. */
    public static final int LIST_ALL_UP_TO = 50;

    private RunRenderer() {}

    public static void render(RunReport report, boolean verbose, PrintWriter out) {
        if (verbose || report.targets().size() <= LIST_ALL_UP_TO) {
            targets(report, verbose, out);
            out.println();
        }
        out.print(TextSummary.render(report));
    }

    /** One line per target: key, status and what moved (each step under it with {@code verbose}). */
    public static void targets(RunReport report, boolean verbose, PrintWriter out) {
        List<RunReport.Target> targets = report.targets();
        int width = targets.stream().mapToInt(t -> t.key().length()).max().orElse(0);
        int statusWidth = Math.max(9, targets.stream().mapToInt(t -> t.status().length()).max().orElse(0));
        boolean repair = "repair".equals(report.command());
        // a cluster run names the node of each target in a column of its own; a local run has none
        int nodeWidth = targets.stream().mapToInt(t -> t.node() == null ? 0 : t.node().length()).max().orElse(0);
        for (RunReport.Target target : targets) {
            String node = nodeWidth == 0 ? "" : pad(target.node() == null ? "-" : target.node(), nodeWidth) + "  ";
            out.println(pad(target.key(), width) + "  " + pad(TextSummary.spelled(target.status()), statusWidth) + "  "
                    + node + (repair ? accepted(target) : movement(target)));
            if (verbose && !repair) {
                target.steps().forEach(step -> out.println("    " + step.direction() + " " + step.revision()
                        + " (" + step.statements() + " statement(s), " + step.durationMs() + " ms)"));
            }
        }
    }

    /** {@code drover repair}: its steps are the revisions whose new checksum it accepted (or, dry run, would). */
    private static String accepted(RunReport.Target target) {
        if (target.steps().isEmpty()) {
            return target.error() == null ? "no applied script changed" : "";
        }
        return ("skipped".equals(target.status()) ? "would accept" : "accepted") + " the current script of "
                + String.join(", ", target.steps().stream().map(RunReport.Step::revision).toList());
    }

    private static String movement(RunReport.Target target) {
        if (target.steps().isEmpty()) {
            return target.to().isEmpty() && target.from().isEmpty() ? "" : "at " + heads(target.to());
        }
        return heads(target.from()) + " -> " + heads(target.to()) + "  (" + target.steps().size() + " step(s), "
                + target.durationMs() + " ms)";
    }

    private static String heads(List<String> heads) {
        return heads.isEmpty() ? "<base>" : String.join(", ", heads);
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(Math.max(0, width - value.length()));
    }
}
