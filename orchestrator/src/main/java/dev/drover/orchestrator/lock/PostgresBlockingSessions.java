package dev.drover.orchestrator.lock;

import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL: {@code pg_blocking_pids()} of the waiting backend, found by its application name (unique
 * per target run, so learning its pid costs no round trip), described from {@code pg_stat_activity}.
 */
final class PostgresBlockingSessions implements BlockingSessions {

    @Override
    public List<Blocker> find(SqlSession observer, Waiter waiter) throws SQLException {
        if (waiter.applicationName() == null) {
            return List.of();
        }
        List<Blocker> blockers = new ArrayList<>();
        for (List<Object> r : observer.query("SELECT a.pid, a.application_name, a.usename, a.state, "
                + "EXTRACT(EPOCH FROM a.query_start), EXTRACT(EPOCH FROM a.xact_start) FROM pg_stat_activity w "
                + "CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS b(pid) JOIN pg_stat_activity a ON a.pid = b.pid "
                + "WHERE w.application_name = " + Dialects.POSTGRES.literal(waiter.applicationName())
                + " ORDER BY a.xact_start NULLS LAST, a.pid")) {
            blockers.add(new Blocker(((Number) r.get(0)).longValue(), BlockingSessions.text(r.get(1)),
                    BlockingSessions.text(r.get(2)), BlockingSessions.text(r.get(3)), BlockingSessions.epoch(r.get(4)),
                    BlockingSessions.epoch(r.get(5)), true));
        }
        return blockers;
    }
}
