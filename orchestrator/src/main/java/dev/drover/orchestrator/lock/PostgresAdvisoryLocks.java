package dev.drover.orchestrator.lock;

import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** PostgreSQL session advisory lock, polled with {@code pg_try_advisory_lock} until the wait runs out. */
final class PostgresAdvisoryLocks implements TargetLocks {

    private static final long MAX_POLL_MILLIS = 500;

    @Override
    public HeldLock acquire(LockIdentity identity, SqlSession session, Duration wait, String holderLabel)
            throws SQLException {
        long key = identity.key();
        session.execute("SET application_name TO '" + holderLabel.replace("'", "''") + "'");
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 20;
        while (true) {
            if (Boolean.TRUE.equals(session.query("SELECT pg_try_advisory_lock(" + key + ")").get(0).get(0))) {
                return () -> {
                    try {
                        session.execute("SELECT pg_advisory_unlock(" + key + ")");
                    } catch (SQLException e) {
                        // the connection is going away; its session lock goes with it
                    }
                };
            }
            if (System.nanoTime() >= deadline) {
                throw new LockTimeoutException(identity.targetKey(), wait, holder(session, key));
            }
            pause(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            pause = Math.min(MAX_POLL_MILLIS, pause * 2);
        }
    }

    private static String holder(SqlSession session, long key) throws SQLException {
        // A bigint advisory key is stored as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
        List<List<Object>> rows = session.query("SELECT a.pid, a.application_name, a.client_addr, a.backend_start "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + "AND l.objsubid = 1 AND l.classid::bigint = " + (key >>> 32) + " AND l.objid::bigint = "
                + (key & 0xffffffffL));
        if (rows.isEmpty()) {
            return "a session that released it just now";
        }
        List<Object> r = rows.get(0);
        return "PostgreSQL backend pid " + r.get(0) + " (application '" + r.get(1) + "', client "
                + (r.get(2) == null ? "local socket" : r.get(2)) + ", connected since " + r.get(3) + ")";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a target lock", e);
        }
    }
}
