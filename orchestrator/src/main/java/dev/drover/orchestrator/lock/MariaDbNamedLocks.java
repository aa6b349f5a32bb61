package dev.drover.orchestrator.lock;

import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** MariaDB/MySQL {@code GET_LOCK}: a server-wide named lock owned by the connection. */
final class MariaDbNamedLocks implements TargetLocks {

    @Override
    public HeldLock acquire(LockIdentity identity, SqlSession session, Duration wait, String holderLabel)
            throws SQLException {
        String name = "'" + identity.name() + "'";
        String seconds = String.format(java.util.Locale.ROOT, "%.3f", wait.toMillis() / 1000.0);
        Object got = session.query("SELECT GET_LOCK(" + name + ", " + seconds + ")").get(0).get(0);
        if (got == null || ((Number) got).intValue() != 1) {
            throw new LockTimeoutException(identity.targetKey(), wait, holder(session, name));
        }
        return () -> {
            try {
                session.query("SELECT RELEASE_LOCK(" + name + ")");
            } catch (SQLException e) {
                // the connection is going away; its lock goes with it
            }
        };
    }

    private static String holder(SqlSession session, String name) throws SQLException {
        Object id = session.query("SELECT IS_USED_LOCK(" + name + ")").get(0).get(0);
        if (id == null) {
            return "a connection that released it just now";
        }
        List<List<Object>> rows = session.query("SELECT USER, HOST, DB, TIME FROM information_schema.PROCESSLIST "
                + "WHERE ID = " + ((Number) id).longValue());
        if (rows.isEmpty()) {
            return "MariaDB connection id " + id;
        }
        List<Object> r = rows.get(0);
        return "MariaDB connection id " + id + " (user '" + r.get(0) + "', host '" + r.get(1) + "', database '"
                + r.get(2) + "', connected for " + r.get(3) + "s)";
    }
}
