package dev.drover.cli.render;

import dev.drover.orchestrator.drift.DriftReport;
import dev.drover.orchestrator.drift.DriftTarget;
import dev.drover.orchestrator.drift.SchemaDifference;
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
        for (DriftReport.Drifted drifted : report.drifted()) {
            out.println(drifted.key() + " at " + drifted.target().revision() + " differs from the " + drifted.comparedWith()
                    + ":");
            drifted.differences().forEach(d -> out.println("  " + d.message()));
        }
        for (DriftReport.ServerDrift server : report.servers()) {
            out.println("server " + server.server() + ": its targets at " + server.revision()
                    + " agree with each other but differ from what that revision produced on '" + server.source() + "':");
            server.differences().forEach(d -> out.println("  " + d.message()));
        }
        for (DriftTarget target : report.unreadable()) {
            out.println(target.key() + ": not compared: " + target.error());
        }
        int targets = report.groups().stream().mapToInt(DriftReport.Group::targets).sum() + report.unreadable().size();
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
            row.put("fingerprint", group.expected().hash());
            row.put("variants", group.variants().size());
            groups.add(row);
        }
        document.put("groups", groups);
        List<Map<String, Object>> drifted = new ArrayList<>();
        for (DriftReport.Drifted each : report.drifted()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", each.key());
            row.put("server", each.target().server());
            row.put("revision", each.target().revision());
            row.put("comparedWith", each.comparedWith());
            row.put("fingerprint", each.target().fingerprint().hash());
            row.put("differences", differences(each.differences()));
            drifted.add(row);
        }
        document.put("drifted", drifted);
        List<Map<String, Object>> servers = new ArrayList<>();
        for (DriftReport.ServerDrift server : report.servers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("server", server.server());
            row.put("revision", server.revision());
            row.put("recordedOn", server.source());
            row.put("differences", differences(server.differences()));
            servers.add(row);
        }
        document.put("servers", servers);
        document.put("unreadable", report.unreadable().stream()
                .map(t -> Map.of("key", t.key(), "error", t.error())).toList());
        return Json.write(document);
    }

    private static List<Map<String, Object>> differences(List<SchemaDifference> differences) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SchemaDifference difference : differences) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("change", difference.change().name().toLowerCase(java.util.Locale.ROOT));
            row.put("kind", difference.object().kind().word());
            row.put("table", difference.object().table().isEmpty() ? null : difference.object().table());
            row.put("name", difference.object().name());
            row.put("expected", difference.expected() == null ? null : difference.expected().definition());
            row.put("actual", difference.actual() == null ? null : difference.actual().definition());
            row.put("message", difference.message());
            rows.add(row);
        }
        return rows;
    }
}
