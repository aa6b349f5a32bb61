package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JDBC connection pools, one per server and user, shared by every target (tenant) on that server so
 * connections are reused across tenants; the runtime resets the tenant selection on every borrow.
 * Lock connections come from a separate pool per server, so a target holding a lock never waits
 * for a work connection held by another lock holder.
 *
 * <p>A session is used on the thread that opened it, for the whole of a target's work: no statement
 * is handed to another thread (see {@link JdbcSqlSession}).
 */
final class JdbcSessions implements SessionFactory {

    /** Generous: the rollout already keeps at most max_connections targets per server. */
    static final Duration BORROW_TIMEOUT = Duration.ofMinutes(5);

    /**
     * Target runs (borrows) a work connection serves before it is replaced by a new one: a PostgreSQL
     * backend's caches grow with every tenant whose DDL it ran and make every later catalog
     * invalidation dearer (see {@link JdbcConnectionPool}); a new connection costs a few milliseconds.
     * At 1,000 tenants x 20 heavy revisions, a new backend every 25 tenants cut four psql sessions'
     * server CPU by 19%, and every 20 targets cut Drover's by 37-43% (bench/RESULTS.md, 2026-12-04
     * third session).
     */
    static final int WORK_CONNECTION_USES = 20;

    private final int maxConnectionsPerServer;
    private final Map<String, JdbcConnectionPool> workPools = new ConcurrentHashMap<>();
    private final Map<String, JdbcConnectionPool> lockPools = new ConcurrentHashMap<>();
    private final Map<String, JdbcConnectionPool> probePools = new ConcurrentHashMap<>();

    JdbcSessions(int maxConnectionsPerServer) {
        this.maxConnectionsPerServer = maxConnectionsPerServer;
    }

    @Override
    public SqlSession open(MigrationTarget target) throws SQLException {
        return session(pool(workPools, target, maxConnectionsPerServer, WORK_CONNECTION_USES), target);
    }

    @Override
    public SqlSession openForLock(MigrationTarget target) throws SQLException {
        return session(pool(lockPools, target), target);
    }

    /** One connection per server, created only when a section has a throttle. */
    @Override
    public SqlSession openForProbe(MigrationTarget target) throws SQLException {
        return session(pool(probePools, target, 1), target);
    }

    private static SqlSession session(JdbcConnectionPool pool, MigrationTarget target) throws SQLException {
        return new JdbcSqlSession(pool.borrow(), target.dialect(), pool);
    }

    private JdbcConnectionPool pool(Map<String, JdbcConnectionPool> pools, MigrationTarget target) {
        return pool(pools, target, maxConnectionsPerServer);
    }

    private static JdbcConnectionPool pool(Map<String, JdbcConnectionPool> pools, MigrationTarget target, int size) {
        return pool(pools, target, size, Integer.MAX_VALUE);
    }

    private static JdbcConnectionPool pool(Map<String, JdbcConnectionPool> pools, MigrationTarget target, int size,
            int uses) {
        String key = target.jdbcUrl() + "\u0000" + target.user();
        return pools.computeIfAbsent(key, k -> new JdbcConnectionPool(target.jdbcUrl(), target.user(), target.password(),
                size, BORROW_TIMEOUT, uses));
    }

    @Override
    public void close() {
        workPools.values().forEach(JdbcConnectionPool::close);
        lockPools.values().forEach(JdbcConnectionPool::close);
        probePools.values().forEach(JdbcConnectionPool::close);
        workPools.clear();
        lockPools.clear();
        probePools.clear();
    }
}
