package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.store.HistoryRow;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the version and history tables of many tenant schemas of one PostgreSQL database in two round
 * trips: one catalog query for which tables exist, then one {@code UNION ALL} over the existing ones
 * (a schema without the tables is at base). Identifiers are quoted and literals escaped by the dialect.
 */
final class PostgresBatch {

    private final Dialect dialect;
    private final List<MigrationTarget> targets;

    /** @param targets of one database, each with a version schema */
    PostgresBatch(Dialect dialect, List<MigrationTarget> targets) {
        this.dialect = dialect;
        this.targets = List.copyOf(targets);
    }

    /** The catalog query listing {@code (schema, table)} of existing tables in the targets' schemas. */
    String catalogQuery() {
        Set<String> schemas = new LinkedHashSet<>();
        targets.forEach(t -> schemas.add(t.versionSchema()));
        return "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname IN ("
                + schemas.stream().map(dialect::literal).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * The data query over existing tables ({@code schema + '\0' + table}), or {@code null} when none exists.
     * Columns: target index, kind ({@code v} version row, {@code h} history row), then the row's values.
     */
    String dataQuery(Set<String> existing) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            MigrationTarget t = targets.get(i);
            String schema = t.versionSchema();
            if (existing.contains(schema + "\0" + t.versionTable())) {
                parts.add("SELECT " + i + ", 'v', CAST(version_num AS text), CAST(NULL AS text), CAST(NULL AS text), "
                        + "CAST(NULL AS text), CAST(NULL AS integer), CAST(NULL AS text), CAST(NULL AS text) FROM "
                        + dialect.qualify(schema, t.versionTable()));
            }
            if (existing.contains(schema + "\0" + t.historyTable())) {
                parts.add("SELECT " + i + ", 'h', CAST(revision AS text), CAST(direction AS text), CAST(checksum AS text), "
                        + "CAST(status AS text), CAST(statement_count AS integer), CAST(run_id AS text), "
                        + "CAST(started_at AS text) FROM " + dialect.qualify(schema, t.historyTable()));
            }
        }
        return parts.isEmpty() ? null : String.join("\nUNION ALL ", parts);
    }

    /** Runs both queries on {@code session}; every target of the batch gets a state. */
    Map<String, TargetState> read(SqlSession session) throws SQLException {
        Set<String> existing = new HashSet<>();
        for (List<Object> row : session.query(catalogQuery())) {
            existing.add(row.get(0) + "\0" + row.get(1));
        }
        String data = dataQuery(existing);
        List<List<Object>> rows = data == null ? List.of() : session.query(data);
        return states(rows);
    }

    /** Groups data rows into per-target states (history sorted by start time, unfinished last). */
    Map<String, TargetState> states(List<List<Object>> rows) {
        Map<Integer, List<String>> heads = new HashMap<>();
        Map<Integer, List<HistoryRow>> history = new HashMap<>();
        for (List<Object> row : rows) {
            int index = ((Number) row.get(0)).intValue();
            if ("v".equals(row.get(1))) {
                heads.computeIfAbsent(index, k -> new ArrayList<>()).add(str(row.get(2)));
            } else {
                history.computeIfAbsent(index, k -> new ArrayList<>()).add(new HistoryRow(str(row.get(2)),
                        str(row.get(3)), str(row.get(4)), str(row.get(5)), ((Number) row.get(6)).intValue(),
                        str(row.get(7)), str(row.get(8))));
            }
        }
        Comparator<HistoryRow> order = Comparator.comparing(HistoryRow::startedAt,
                Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, TargetState> states = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            List<HistoryRow> rowsOf = new ArrayList<>(history.getOrDefault(i, List.of()));
            rowsOf.sort(order);
            states.put(targets.get(i).key(), TargetState.of(heads.getOrDefault(i, List.of()), rowsOf));
        }
        return states;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
