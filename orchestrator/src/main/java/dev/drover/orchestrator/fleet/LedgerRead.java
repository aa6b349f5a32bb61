package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.store.FleetLedger;
import dev.drover.orchestrator.store.HistoryRow;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The states of one PostgreSQL database's targets as its fleet ledger holds them: only targets whose
 * ledger row still describes their own tables (see {@link FleetLedger}) are answered; the caller
 * reads the others' tables. A database without a ledger answers nothing.
 */
final class LedgerRead {

    private static final int DIGESTS_PER_QUERY = 500;

    private LedgerRead() {}

    /** @param targets of one database, each with a version schema and the same ledger schema */
    static Map<String, TargetState> read(SqlSession session, List<MigrationTarget> targets) throws SQLException {
        FleetLedger ledger = new FleetLedger(targets.get(0).dialect(), targets.get(0).ledgerSchema());
        List<List<Object>> rows;
        try {
            rows = session.query(ledger.rowsQuery());
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
                return Map.of(); // no ledger in this database (yet)
            }
            throw e;
        }
        Map<String, MigrationTarget> byTables = new HashMap<>();
        Set<String> tableNames = new HashSet<>();
        for (MigrationTarget t : targets) {
            byTables.put(t.versionSchema() + "\0" + t.versionTable(), t);
            tableNames.add(t.versionTable());
            tableNames.add(t.historyTable());
        }
        Map<Long, FleetLedger.Relation> relations = new HashMap<>();
        for (List<Object> row : session.query(ledger.relationsQuery(tableNames))) {
            relations.put(((Number) row.get(0)).longValue(), new FleetLedger.Relation((String) row.get(1), (String) row.get(2)));
        }
        Set<Long> guarded = new HashSet<>();
        for (List<Object> row : session.query(ledger.guardedQuery())) {
            guarded.add(((Number) row.get(0)).longValue());
        }
        Map<String, List<String>> heads = new HashMap<>();
        Map<String, String> digestOf = new HashMap<>();
        for (List<Object> row : rows) {
            MigrationTarget t = byTables.get(row.get(0) + "\0" + row.get(1));
            if (t != null && FleetLedger.believable(((Number) row.get(2)).longValue(), ((Number) row.get(3)).longValue(),
                    t.versionSchema(), t.versionTable(), t.historyTable(), relations, guarded)) {
                heads.put(t.key(), FleetLedger.heads(String.valueOf(row.get(4))));
                digestOf.put(t.key(), String.valueOf(row.get(5)));
            }
        }
        Map<String, String> histories = histories(session, ledger, new LinkedHashSet<>(digestOf.values()));
        Map<String, List<HistoryRow>> parsed = new HashMap<>(); // thousands of targets share a few histories
        Map<String, TargetState> states = new HashMap<>();
        digestOf.forEach((key, digest) -> {
            String history = histories.get(digest);
            if (history != null) { // a row rewritten between the queries is read from its tables instead
                states.put(key, TargetState.of(heads.get(key),
                        parsed.computeIfAbsent(digest, d -> FleetLedger.history(history))));
            }
        });
        return states;
    }

    private static Map<String, String> histories(SqlSession session, FleetLedger ledger, Set<String> digests)
            throws SQLException {
        Map<String, String> histories = new HashMap<>();
        List<String> all = new ArrayList<>(digests);
        for (int from = 0; from < all.size(); from += DIGESTS_PER_QUERY) {
            for (List<Object> row : session.query(ledger.historiesQuery(all.subList(from,
                    Math.min(from + DIGESTS_PER_QUERY, all.size()))))) {
                histories.put(String.valueOf(row.get(0)), String.valueOf(row.get(1)));
            }
        }
        return histories;
    }
}
