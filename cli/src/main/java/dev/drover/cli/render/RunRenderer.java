package dev.drover.cli.render;

import dev.drover.env.TargetOutcome;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.StepResult;
import dev.drover.orchestrator.runtime.TargetResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the outcome of {@code upgrade}, {@code downgrade} and {@code stamp}: one line per target
 * (with its steps under {@code -v}), every failure with revision, statement, line and SQLSTATE,
 * then the counts.
 */
public final class RunRenderer {

    private RunRenderer() {}

    public static void render(List<TargetOutcome> outcomes, boolean verbose, String runId, PrintWriter out) {
        int width = outcomes.stream().mapToInt(o -> o.key().length()).max().orElse(0);
        for (TargetOutcome outcome : outcomes) {
            out.println(pad(outcome.key(), width) + "  " + pad(outcome.status(), 9) + "  " + movement(outcome));
            TargetResult result = outcome.result();
            if (verbose && result != null) {
                for (StepResult step : result.steps()) {
                    out.println("    " + step.direction().label() + " " + step.revision() + " (" + step.statements()
                            + " statement(s), " + step.durationMs() + " ms)");
                }
            }
            if (outcome.message() != null) {
                out.println("    " + outcome.message());
            }
            if (result != null && result.error() != null) {
                out.println("    " + describe(result.error()));
            }
        }
        out.println();
        out.println(summary(outcomes) + " (run " + runId + ")");
    }

    /** "3 target(s): 2 succeeded, 1 failed". */
    public static String summary(List<TargetOutcome> outcomes) {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
        StringBuilder text = new StringBuilder(outcomes.size() + " target(s):");
        String separator = " ";
        for (String status : List.of("succeeded", "unchanged", "failed", "skipped")) {
            text.append(separator).append(counts.getOrDefault(status, 0)).append(' ').append(status);
            separator = ", ";
        }
        return text.toString();
    }

    /** "revision X, statement 3 (line 17), SQLSTATE 42P07: message". */
    public static String describe(StepError error) {
        StringBuilder text = new StringBuilder("error");
        if (error.revision() != null) {
            text.append(" in revision '").append(error.revision()).append('\'');
        }
        if (error.statement() != null) {
            text.append(", statement ").append(error.statement());
        }
        if (error.line() != null) {
            text.append(" (line ").append(error.line()).append(')');
        }
        if (error.sqlState() != null) {
            text.append(", SQLSTATE ").append(error.sqlState());
        }
        return text.append(": ").append(error.message()).toString();
    }

    private static String movement(TargetOutcome outcome) {
        TargetResult result = outcome.result();
        if (result == null) {
            return "";
        }
        String arrow = heads(result.from()) + " -> " + heads(result.to());
        return result.steps().isEmpty() ? "at " + heads(result.to())
                : arrow + "  (" + result.steps().size() + " step(s), " + result.durationMs() + " ms)";
    }

    private static String heads(List<String> heads) {
        return heads.isEmpty() ? "<base>" : String.join(", ", heads);
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(Math.max(0, width - value.length()));
    }
}
