package dev.drover.cli.render;

import dev.drover.api.TargetInfo;
import dev.drover.api.TargetList;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code drover targets} as an aligned table or as JSON; URLs are always masked. */
public final class TargetsRenderer {

    private static final List<String> COLUMNS =
            List.of("TARGET", "SECTION", "TENANT", "SCHEMA/DATABASE", "DIALECT", "VERSION TABLE", "TWO_PHASE", "URL");

    private TargetsRenderer() {}

    public static void text(TargetList list, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (TargetInfo t : list.targets()) {
            rows.add(List.of(t.target(), t.section(), orDash(t.tenant()), location(t), t.dialect(),
                    t.qualifiedVersionTable(), t.twoPhase() == null ? "-" : t.twoPhase() ? "yes" : "no", t.url()));
        }
        int[] widths = new int[COLUMNS.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
        out.println(list.targets().size() + " target(s)"
                + (list.rejected().isEmpty() ? "" : ", " + list.rejected().size() + " tenant(s) rejected"));
    }

    /** {@code {"targets", "rejected", "warnings"}}; the warnings include the sections fleet commands refuse. */
    public static String json(TargetList list) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (TargetInfo t : list.targets()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", t.target());
            row.put("database", t.section());
            row.put("tenant", t.tenant());
            row.put("schema", t.schema());
            row.put("databaseName", t.database());
            row.put("url", t.url());
            row.put("dialect", t.dialect());
            row.put("versionTable", t.qualifiedVersionTable());
            row.put("twoPhase", t.twoPhase());
            targets.add(row);
        }
        List<Map<String, Object>> rejected = list.rejected().stream()
                .map(r -> Map.<String, Object>of("database", r.section(), "tenant", r.tenant(), "reason", r.reason()))
                .toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("targets", targets);
        document.put("rejected", rejected);
        List<String> warnings = new ArrayList<>(list.warnings());
        warnings.addAll(list.refusals());
        document.put("warnings", warnings);
        return Json.write(document);
    }

    private static String location(TargetInfo t) {
        if (t.schema() != null) {
            return t.schema();
        }
        return t.database() == null || t.database().isEmpty() ? "-" : t.database();
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(Math.max(0, width - value.length()));
    }
}
