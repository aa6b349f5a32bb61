package dev.drover.cli.render;

import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.fleet.TargetView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code drover status} and {@code drover check}: per target state, then counts by revision. */
public final class StatusRenderer {

    private StatusRenderer() {}

    /** One line per target, then the summary by revision. */
    public static void text(FleetStatus status, PrintWriter out) {
        int width = status.targets().stream().mapToInt(t -> t.key().length()).max().orElse(0);
        for (TargetView view : status.targets()) {
            out.println(pad(view.key(), width) + "  " + describe(view));
        }
        out.println();
        out.println("By revision:");
        status.byRevision().forEach((revision, count) -> out.println("  " + revision + "  " + count));
    }

    /** {@code at 1a2b (head)}, {@code at <base>, 2 pending}, with changed and half-applied revisions. */
    public static String describe(TargetView view) {
        if (view.error() != null) {
            return "unreadable: " + view.error();
        }
        StringBuilder text = new StringBuilder("at ").append(view.heads().isEmpty() ? "<base>" : String.join(", ", view.heads()));
        text.append(view.atHead() ? " (head)" : ", " + view.pending() + " pending");
        if (!view.changed().isEmpty()) {
            text.append("; applied script(s) changed: ").append(String.join(", ", view.changed()));
        }
        if (!view.unfinished().isEmpty()) {
            text.append("; half-applied: ").append(String.join(", ", view.unfinished()))
                    .append(" (run 'drover ").append(view.target().target().selector())
                    .append(" upgrade' for the repair instructions: it refuses this target and changes nothing)");
        }
        return text.toString();
    }

    /** {@code drover current}: each target's heads ({@code <base>} when none), prefixed by its key in a fleet. */
    public static void current(FleetStatus status, PrintWriter out) {
        List<TargetView> views = status.targets();
        for (TargetView view : views) {
            String prefix = views.size() > 1 ? view.key() + ": " : "";
            if (view.error() != null) {
                out.println(prefix + "unreadable: " + view.error());
                continue;
            }
            List<String> heads = view.heads().isEmpty() ? List.of("<base>") : view.heads();
            heads.forEach(head -> out.println(prefix + head + (view.atHead() ? " (head)" : "")));
        }
    }

    /** {@code drover current --format json}: {@code {"targets": [{"key", "heads", "atHead", "error"}]}}. */
    public static String currentJson(FleetStatus status) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (TargetView view : status.targets()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", view.key());
            row.put("heads", view.heads());
            row.put("atHead", view.atHead());
            row.put("error", view.error());
            targets.add(row);
        }
        return Json.write(Map.of("targets", targets));
    }

    public static String json(FleetStatus status) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (TargetView view : status.targets()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", view.key());
            row.put("heads", view.heads());
            row.put("pending", view.pending());
            row.put("atHead", view.atHead());
            row.put("changed", view.changed());
            row.put("unfinished", view.unfinished());
            row.put("error", view.error());
            targets.add(row);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("targets", targets);
        document.put("byRevision", status.byRevision());
        document.put("checkPassed", status.checkPassed());
        return Json.write(document);
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(Math.max(0, width - value.length()));
    }
}
