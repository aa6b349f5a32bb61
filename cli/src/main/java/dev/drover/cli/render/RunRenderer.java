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
        List<RunReport.Target> targets = report.targets();
        if (verbose || targets.size() <= LIST_ALL_UP_TO) {
            int width = targets.stream().mapToInt(t -> t.key().length()).max().orElse(0);
            int statusWidth = targets.stream().mapToInt(t -> t.status().length()).max().orElse(0);
            for (RunReport.Target target : targets) {
                out.println(pad(target.key(), width) + "  " + pad(TextSummary.spelled(target.status()), Math.max(9, statusWidth)) + "  "
                        + movement(target));
                if (verbose) {
                    target.steps().forEach(step -> out.println("    " + step.direction() + " " + step.revision()
                            + " (" + step.statements() + " statement(s), " + step.durationMs() + " ms)"));
                }
            }
            out.println();
        }
        out.print(TextSummary.render(report));
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
