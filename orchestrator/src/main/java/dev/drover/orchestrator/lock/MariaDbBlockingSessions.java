package dev.drover.orchestrator.lock;

import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MariaDB/MySQL. The waiter is found in the process list by the statement it runs (learning its
 * connection id up front would cost a round trip per target). InnoDB row-lock waits name their
 * blocker exactly ({@code INNODB_LOCK_WAITS}); metadata-lock waits (any DDL) cannot be attributed
 * without performance_schema, so the sessions of the same database with an open transaction or a query
 * running since before the wait are reported as possible blockers.
 */
final class MariaDbBlockingSessions implements BlockingSessions {

    private static final int MAX_REPORTED = 5;

    @Override
    public List<Blocker> find(SqlSession observer, Waiter waiter) throws SQLException {
        List<List<Object>> waiting = observer.query("SELECT ID, TIME, DB FROM information_schema.PROCESSLIST "
                + "WHERE ID <> CONNECTION_ID() AND STATE LIKE 'Waiting for%' AND INFO = "
                + Dialects.MARIADB.literal(waiter.sql()));
        if (waiting.size() != 1) {
            return List.of();
        }
        long id = ((Number) waiting.get(0).get(0)).longValue();
        long waited = ((Number) waiting.get(0).get(1)).longValue();
        Object database = waiting.get(0).get(2);
        List<Long> exact = new ArrayList<>();
        for (List<Object> r : observer.query("SELECT b.trx_mysql_thread_id FROM information_schema.INNODB_LOCK_WAITS w "
                + "JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id "
                + "JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id "
                + "WHERE r.trx_mysql_thread_id = " + id)) {
            exact.add(((Number) r.get(0)).longValue());
        }
        if (!exact.isEmpty()) {
            return describe(observer, "p.ID IN (" + exact.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ")", true);
        }
        if (database == null) {
            return List.of();
        }
        return describe(observer, "p.ID NOT IN (" + id + ", CONNECTION_ID()) AND p.DB = "
                + Dialects.MARIADB.literal(database.toString()) + " AND (t.trx_id IS NOT NULL OR (p.COMMAND = 'Query' "
                + "AND p.TIME >= " + waited + "))", false);
    }

    private static List<Blocker> describe(SqlSession observer, String condition, boolean certain) throws SQLException {
        List<Blocker> blockers = new ArrayList<>();
        for (List<Object> r : observer.query("SELECT p.ID, CONCAT(p.USER, '@', p.HOST), p.COMMAND, p.STATE, "
                + "UNIX_TIMESTAMP() - p.TIME, UNIX_TIMESTAMP(t.trx_started), t.trx_id IS NOT NULL "
                + "FROM information_schema.PROCESSLIST p LEFT JOIN information_schema.INNODB_TRX t "
                + "ON t.trx_mysql_thread_id = p.ID WHERE " + condition + " ORDER BY t.trx_started IS NULL, "
                + "t.trx_started, p.ID LIMIT " + MAX_REPORTED)) {
            boolean idle = "Sleep".equals(r.get(2));
            boolean inTransaction = r.get(6) != null && ((Number) r.get(6)).intValue() != 0;
            String state = idle ? (inTransaction ? "idle in transaction" : "idle")
                    : r.get(2) + (r.get(3) == null || r.get(3).toString().isEmpty() ? "" : " (" + r.get(3) + ")");
            blockers.add(new Blocker(((Number) r.get(0)).longValue(), null, BlockingSessions.text(r.get(1)), state,
                    idle ? null : BlockingSessions.epoch(r.get(4)), BlockingSessions.epoch(r.get(5)), certain));
        }
        return blockers;
    }
}
