package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.SqlSession;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vert.x JDBC pools, one per server and user, shared by every target (tenant) on that server so
 * connections are reused across tenants; the runtime resets the tenant selection on every borrow.
 * Lock connections come from a separate pool per server, so a target holding a lock never waits
 * for a work connection held by another lock holder.
 */
final class VertxSessions implements SessionFactory {

    private final Vertx vertx;
    private final int maxConnectionsPerServer;
    private final Map<String, Pool> workPools = new ConcurrentHashMap<>();
    private final Map<String, Pool> lockPools = new ConcurrentHashMap<>();
    private final Map<String, Pool> probePools = new ConcurrentHashMap<>();

    VertxSessions(Vertx vertx, int maxConnectionsPerServer) {
        this.vertx = vertx;
        this.maxConnectionsPerServer = maxConnectionsPerServer;
    }

    @Override
    public SqlSession open(MigrationTarget target) throws SQLException {
        return new VertxSqlSession(VertxSqlSession.await(pool(workPools, target).getConnection()), target.dialect());
    }

    @Override
    public SqlSession openForLock(MigrationTarget target) throws SQLException {
        return new VertxSqlSession(VertxSqlSession.await(pool(lockPools, target).getConnection()), target.dialect());
    }

    /** One connection per server, created only when a section has a throttle. */
    @Override
    public SqlSession openForProbe(MigrationTarget target) throws SQLException {
        return new VertxSqlSession(VertxSqlSession.await(pool(probePools, target, 1).getConnection()), target.dialect());
    }

    private Pool pool(Map<String, Pool> pools, MigrationTarget target) {
        return pool(pools, target, maxConnectionsPerServer);
    }

    private Pool pool(Map<String, Pool> pools, MigrationTarget target, int size) {
        String key = target.jdbcUrl() + "\u0000" + target.user();
        return pools.computeIfAbsent(key, k -> {
            JDBCConnectOptions connect = new JDBCConnectOptions().setJdbcUrl(target.jdbcUrl());
            if (target.user() != null) {
                connect.setUser(target.user());
            }
            if (target.password() != null) {
                connect.setPassword(target.password());
            }
            return JDBCPool.pool(vertx, connect, new PoolOptions().setMaxSize(size));
        });
    }

    @Override
    public void close() {
        for (Pool pool : workPools.values()) {
            pool.close();
        }
        for (Pool pool : lockPools.values()) {
            pool.close();
        }
        for (Pool pool : probePools.values()) {
            pool.close();
        }
        workPools.clear();
        lockPools.clear();
        probePools.clear();
    }
}
