package dev.drover.cli.render;

import dev.drover.api.DriftReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code drover drift}: the drifted targets with their differences, then one line per group. */
public final class DriftRenderer {

    private DriftRenderer() {}

    /** Text: each drifted target and its differences, servers that differ from the recorded schema, unreadable targets, a summary. */
    public static void text(DriftReport report, PrintWriter out) {
        for (DriftReport.DriftedTarget drifted : report.drifted()) {
            out.println(drifted.target() + " at " + drifted.revision() + " differs from the " + drifted.comparedWith()
                    + ":");
            drifted.differences().forEach(d -> out.println("  " + d));
        }
        for (DriftReport.ServerDrift server : report.servers()) {
            out.println("server " + server.server() + ": its targets at " + server.revision()
                    + " agree with each other but differ from what that revision produced on '" + server.recordedOn() + "':");
            server.differences().forEach(d -> out.println("  " + d.message()));
        }
        for (DriftReport.Unreadable target : report.unreadable()) {
            out.println(target.target() + ": not compared: " + target.error());
        }
        int targets = report.targetCount();
        if (report.clean()) {
            out.println("OK: " + targets + " target(s) in " + report.groups().size()
                    + " group(s) of server and revision, each group's schemas identical");
        } else {
            out.println("DRIFT: " + report.drifted().size() + " of " + targets + " target(s) differ from their group"
                    + (report.servers().isEmpty() ? "" : ", " + report.servers().size()
                            + " group(s) differ from the recorded schema of their revision")
                    + (report.unreadable().isEmpty() ? "" : ", " + report.unreadable().size() + " not read")
                    + "; 'drover drift --sql' writes the repairs that are mechanical");
        }
    }

    /** {@code drift --sql}: each drifted target's repair statements, a blank line after each target. */
    public static void sql(DriftReport report, PrintWriter out) {
        for (DriftReport.DriftedTarget drifted : report.drifted()) {
            drifted.repairSql().forEach(out::println);
            out.println();
        }
    }

    /** {@code check --drift}: one line per drifted target. */
    public static List<String> summary(DriftReport report) {
        return report.drifted().stream().map(d -> d.target() + ": schema drift: " + String.join("; ", d.differences()))
                .toList();
    }

    /** {@code --format json}: {@code {"clean", "groups", "drifted", "servers", "unreadable"}}. */
    public static String json(DriftReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("clean", report.clean());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (DriftReport.Group group : report.groups()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("server", group.server());
            row.put("revision", group.revision());
            row.put("targets", group.targets());
            row.put("comparedWith", group.comparedWith());
            row.put("fingerprint", group.fingerprint());
            row.put("variants", group.variants());
            groups.add(row);
        }
        document.put("groups", groups);
        List<Map<String, Object>> drifted = new ArrayList<>();
        for (DriftReport.DriftedTarget each : report.drifted()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", each.target());
            row.put("server", each.server());
            row.put("revision", each.revision());
            row.put("comparedWith", each.comparedWith());
            row.put("fingerprint", each.fingerprint());
            row.put("differences", differences(each.changes()));
            drifted.add(row);
        }
        document.put("drifted", drifted);
        List<Map<String, Object>> servers = new ArrayList<>();
        for (DriftReport.ServerDrift server : report.servers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("server", server.server());
            row.put("revision", server.revision());
            row.put("recordedOn", server.recordedOn());
            row.put("differences", differences(server.differences()));
            servers.add(row);
        }
        document.put("servers", servers);
        document.put("unreadable", report.unreadable().stream()
                .map(t -> Map.of("key", t.target(), "error", t.error())).toList());
        return Json.write(document);
    }

    private static List<Map<String, Object>> differences(List<DriftReport.Difference> differences) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DriftReport.Difference difference : differences) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("change", difference.change());
            row.put("kind", difference.kind());
            row.put("table", difference.table());
            row.put("name", difference.name());
            row.put("expected", difference.expected());
            row.put("actual", difference.actual());
            row.put("message", difference.message());
            rows.add(row);
        }
        return rows;
    }
}
