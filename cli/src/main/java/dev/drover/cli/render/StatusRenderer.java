package dev.drover.cli.render;

import dev.drover.api.StatusReport;
import dev.drover.api.TargetState;
import dev.drover.orchestrator.report.HtmlStatusReport;
import dev.drover.orchestrator.runtime.MigrationTarget;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code drover status}, {@code current} and {@code check}: per target state, then counts by revision. */
public final class StatusRenderer {

    private StatusRenderer() {}

    /** One line per target, then the summary by revision. */
    public static void text(StatusReport status, PrintWriter out) {
        int width = status.targets().stream().mapToInt(t -> t.target().length()).max().orElse(0);
        for (TargetState state : status.targets()) {
            out.println(pad(state.target(), width) + "  " + describe(state));
        }
        out.println();
        out.println("By revision:");
        status.byRevision().forEach((revision, count) -> out.println("  " + revision + "  " + count));
    }

    /** {@code at 1a2b (head)}, {@code at <base>, 2 pending}, with changed and half-applied revisions. */
    public static String describe(TargetState state) {
        if (state.error() != null) {
            return "unreadable: " + state.error();
        }
        StringBuilder text = new StringBuilder("at ").append(state.heads().isEmpty() ? "<base>" : String.join(", ", state.heads()));
        text.append(state.atHead() ? " (head)" : ", " + state.pending() + " pending");
        if (!state.changed().isEmpty()) {
            text.append("; applied script(s) changed: ").append(String.join(", ", state.changed()));
        }
        if (!state.unfinished().isEmpty()) {
            text.append("; half-applied: ").append(String.join(", ", state.unfinished()))
                    .append(" (run 'drover ").append(MigrationTarget.selector(state.target()))
                    .append(" upgrade' for the repair instructions: it refuses this target and changes nothing)");
        }
        return text.toString();
    }

    /** {@code drover current}: each target's heads ({@code <base>} when none), prefixed by its key in a fleet. */
    public static void current(StatusReport status, PrintWriter out) {
        List<TargetState> states = status.targets();
        for (TargetState state : states) {
            String prefix = states.size() > 1 ? state.target() + ": " : "";
            if (state.error() != null) {
                out.println(prefix + "unreadable: " + state.error());
                continue;
            }
            List<String> heads = state.heads().isEmpty() ? List.of("<base>") : state.heads();
            heads.forEach(head -> out.println(prefix + head + (state.atHead() ? " (head)" : "")));
        }
    }

    /** {@code drover current --format json}: {@code {"targets": [{"key", "heads", "atHead", "error"}]}}. */
    public static String currentJson(StatusReport status) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (TargetState state : status.targets()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", state.target());
            row.put("heads", state.heads());
            row.put("atHead", state.atHead());
            row.put("error", state.error());
            targets.add(row);
        }
        return Json.write(Map.of("targets", targets));
    }

    /** {@code drover status --format json} and {@code check --format json}. */
    public static String json(StatusReport status) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (TargetState state : status.targets()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", state.target());
            row.put("heads", state.heads());
            row.put("pending", state.pending());
            row.put("atHead", state.atHead());
            row.put("changed", state.changed());
            row.put("unfinished", state.unfinished());
            row.put("error", state.error());
            targets.add(row);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("targets", targets);
        document.put("byRevision", status.byRevision());
        document.put("checkPassed", status.checkPassed());
        return Json.write(document);
    }

    /** {@code status --report fleet.html}. */
    public static String html(StatusReport status) {
        return HtmlStatusReport.render(status.targets().stream().map(t -> new HtmlStatusReport.Row(t.target(),
                t.heads(), t.pending(), t.changed(), t.unfinished(), t.error(), t.atHead(), t.healthy())).toList(),
                status.byRevision());
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(Math.max(0, width - value.length()));
    }
}
