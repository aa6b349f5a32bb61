package dev.drover.cli.render;

import dev.drover.registry.Dialect;
import dev.drover.registry.RegistryTarget;
import dev.drover.registry.ResolvedTargets;
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

    public static void text(ResolvedTargets resolved, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (RegistryTarget t : resolved.targets()) {
            rows.add(List.of(t.key(), t.sectionName(), orDash(t.tenant()), location(t), t.dialectName(),
                    versionTable(t), twoPhaseApplies(t) ? (t.twoPhase() ? "yes" : "no") : "-", t.maskedUrl()));
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
        out.println(resolved.targets().size() + " target(s)"
                + (resolved.rejected().isEmpty() ? "" : ", " + resolved.rejected().size() + " tenant(s) rejected"));
    }

    public static String json(ResolvedTargets resolved) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (RegistryTarget t : resolved.targets()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", t.key());
            row.put("database", t.sectionName());
            row.put("tenant", t.tenant());
            row.put("schema", t.schema());
            row.put("databaseName", t.database());
            row.put("url", t.maskedUrl());
            row.put("dialect", t.dialectName());
            row.put("versionTable", versionTable(t));
            row.put("twoPhase", twoPhaseApplies(t) ? t.twoPhase() : null);
            targets.add(row);
        }
        List<Map<String, Object>> rejected = resolved.rejected().stream()
                .map(r -> Map.<String, Object>of("database", r.section(), "tenant", r.name(), "reason", r.reason()))
                .toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("targets", targets);
        document.put("rejected", rejected);
        List<String> warnings = new ArrayList<>(resolved.warnings().stream().map(Object::toString).toList());
        warnings.addAll(twoPhaseRefusals(resolved));
        document.put("warnings", warnings);
        return Json.write(document);
    }

    /**
     * Sections that set {@code two_phase = true} on a database without two-phase commit for DDL, which
     * every fleet command refuses, one line each.
     */
    public static List<String> twoPhaseRefusals(ResolvedTargets resolved) {
        Map<String, RegistryTarget> bySection = new LinkedHashMap<>();
        resolved.targets().stream().filter(t -> t.twoPhase() && !twoPhaseApplies(t))
                .forEach(t -> bySection.putIfAbsent(t.sectionName(), t));
        return bySection.values().stream().map(t -> t.section().where() + ": section '" + t.sectionName()
                + "' sets two_phase = true on " + t.dialectName() + ", which fleet commands refuse: two-phase commit"
                + " needs PostgreSQL; set two_phase = false").toList();
    }

    /** Two-phase commit exists for PostgreSQL only (MariaDB XA cannot hold DDL; H2 commits DDL at once). */
    private static boolean twoPhaseApplies(RegistryTarget t) {
        return t.dialect() == Dialect.POSTGRESQL;
    }

    private static String location(RegistryTarget t) {
        if (t.schema() != null) {
            return t.schema();
        }
        return t.database() == null || t.database().isEmpty() ? "-" : t.database();
    }

    private static String versionTable(RegistryTarget t) {
        return t.versionTableSchema() == null ? t.versionTable() : t.versionTableSchema() + "." + t.versionTable();
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(Math.max(0, width - value.length()));
    }
}
