package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.runtime.MigrationEngine;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionState;
import dev.drover.orchestrator.store.VersionStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads the version and history tables of many tenant schemas of one PostgreSQL database with one
 * {@code UNION ALL} statement. Optimistic: a fleet that has been migrated has both tables in every
 * schema, so the statement first assumes they exist; only when one is missing (undefined table)
 * does a catalog query find which do, and a schema without them is at base. Identifiers are quoted
 * and literals escaped by the dialect.
 *
 * <p>Keep batches small ({@link RuntimeStateReader#BATCH}): PostgreSQL's planning of a
 * {@code UNION ALL} grows faster than its number of tables (measured: 1,000 tenants read in 2
 * statements of 1,000 tables took 4.6 s of server time, in 40 statements of 50 tables 0.46 s).
 */
final class PostgresBatch {

    private static final String UNDEFINED_TABLE = "42P01";

    private final Dialect dialect;
    private final List<MigrationTarget> targets;

    /** @param targets of one database, each with a version schema */
    PostgresBatch(Dialect dialect, List<MigrationTarget> targets) {
        this.dialect = dialect;
        this.targets = List.copyOf(targets);
    }

    /** The catalog query listing {@code (schema, table)} of the targets' version and history tables that exist. */
    String catalogQuery() {
        Set<String> pairs = new java.util.LinkedHashSet<>();
        for (MigrationTarget t : targets) {
            pairs.add("(" + dialect.literal(t.versionSchema()) + ", " + dialect.literal(t.versionTable()) + ")");
            pairs.add("(" + dialect.literal(t.versionSchema()) + ", " + dialect.literal(t.historyTable()) + ")");
        }
        return "SELECT s, t FROM (VALUES " + String.join(", ", pairs) + ") AS wanted(s, t)"
                + " WHERE to_regclass(quote_ident(s) || '.' || quote_ident(t)) IS NOT NULL";
    }

    /**
     * The data query over the tables {@code exists} accepts ({@code schema + '\0' + table}), or
     * {@code null} when there is none. Columns: target index, then the {@link VersionStore#stateSelects} row.
     */
    String dataQuery(Predicate<String> exists) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            MigrationTarget t = targets.get(i);
            if (exists.test(t.versionSchema() + "\0" + t.versionTable())) {
                parts.addAll(MigrationEngine.store(t).stateSelects(String.valueOf(i),
                        exists.test(t.versionSchema() + "\0" + t.historyTable())));
            }
        }
        return parts.isEmpty() ? null : String.join("\nUNION ALL ", parts);
    }

    /** Reads every target of the batch on {@code session}; every target gets a state. */
    Map<String, TargetState> read(SqlSession session) throws SQLException {
        try {
            return states(session.query(dataQuery(table -> true)));
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw e;
            }
        }
        Set<String> existing = new HashSet<>();
        for (List<Object> row : session.query(catalogQuery())) {
            existing.add(row.get(0) + "\0" + row.get(1));
        }
        String data = dataQuery(existing::contains);
        return states(data == null ? List.of() : session.query(data));
    }

    /** Groups data rows into per-target states. */
    Map<String, TargetState> states(List<List<Object>> rows) {
        Map<Integer, List<List<Object>>> byTarget = rows.stream()
                .collect(Collectors.groupingBy(row -> ((Number) row.get(0)).intValue()));
        Map<String, TargetState> states = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            VersionState state = VersionState.of(byTarget.getOrDefault(i, List.of()), 1);
            states.put(targets.get(i).key(), TargetState.of(state.heads(), state.history()));
        }
        return states;
    }
}
