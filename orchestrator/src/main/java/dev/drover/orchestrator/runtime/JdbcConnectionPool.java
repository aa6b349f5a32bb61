package dev.drover.orchestrator.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The JDBC connections to one server as one user: at most {@code maxSize} lent out at once, idle
 * ones kept for the next borrower (most recently returned first, so a small fleet reuses one warm
 * backend). Connections are opened lazily ({@link DataSources}: a lent pool, else {@link DriverManager}) and stay in autocommit; a
 * borrower that broke its connection returns it as broken and it is closed instead of kept.
 *
 * <p>A connection lent {@code retireAfter} times is closed when it comes back, and the next borrower
 * gets a new one. A PostgreSQL backend never shrinks its caches: every relation, catalog row and
 * PL/pgSQL plan of every tenant it migrated stays in them, and every later catalog invalidation
 * (any other session's DDL) is checked against all of it, so a backend that has run hundreds of
 * tenants' DDL spends more on each invalidation than one that has run a few; on a fleet of 1,000
 * heavy tenants, replacing backends every 20-25 tenants saved a fifth to two fifths of the server's
 * CPU (bench/RESULTS.md, 2026-12-04 third session).
 * Thread-safe; a borrow blocks the calling thread (never call it on a Vert.x event loop).
 */
final class JdbcConnectionPool implements AutoCloseable {

    private final String url;
    private final Properties credentials;
    private final int maxSize;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    /** How often each connection open now was lent (identity: connections need not implement equals). */
    private final Map<Connection, Integer> lent = new IdentityHashMap<>();
    private final int retireAfter;
    private final long borrowTimeoutMillis;
    private boolean closed;

    /**
     * @param user          the user, or {@code null} when the URL carries it
     * @param password      the password, or {@code null}
     * @param borrowTimeout how long a borrower waits for one of the {@code maxSize} connections
     */
    JdbcConnectionPool(String url, String user, String password, int maxSize, java.time.Duration borrowTimeout) {
        this(url, user, password, maxSize, borrowTimeout, Integer.MAX_VALUE);
    }

    /**
     * @param retireAfter how many times a connection is lent before it is closed on its return (at least 1)
     */
    JdbcConnectionPool(String url, String user, String password, int maxSize, java.time.Duration borrowTimeout,
            int retireAfter) {
        this.url = url;
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.maxSize = Math.max(1, maxSize);
        this.permits = new Semaphore(this.maxSize, true);
        this.borrowTimeoutMillis = borrowTimeout.toMillis();
        this.retireAfter = Math.max(1, retireAfter);
    }

    /**
     * A connection in autocommit mode, idle or new.
     *
     * @throws SQLException when no connection becomes free within the borrow timeout (SQLSTATE 08001), when
     *                      the server cannot be reached or refuses the login, or when the pool is closed
     */
    Connection borrow() throws SQLException {
        try {
            if (!permits.tryAcquire(borrowTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLException("no free connection to the server within " + borrowTimeoutMillis / 1000
                        + " s (all " + maxSize + " in use); lower --concurrency or raise max_connections", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", "57014", e);
        }
        try {
            Connection idleOne = takeIdle();
            if (idleOne != null) {
                return lend(idleOne);
            }
            Connection opened = DataSources.open(url, credentials);
            opened.setAutoCommit(true);
            return lend(opened);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private synchronized Connection lend(Connection connection) {
        lent.merge(connection, 1, Integer::sum);
        return connection;
    }

    /**
     * Takes a connection back; a {@code broken} one, one lent {@code retireAfter} times, or any after
     * {@link #close()} is closed instead.
     */
    void giveBack(Connection connection, boolean broken) {
        boolean keep;
        synchronized (this) {
            keep = !broken && !closed && lent.getOrDefault(connection, 0) < retireAfter;
            if (keep) {
                idle.push(connection);
            } else {
                lent.remove(connection);
            }
        }
        if (!keep) {
            closeQuietly(connection);
        }
        permits.release();
    }

    private synchronized Connection takeIdle() throws SQLException {
        if (closed) {
            throw new SQLException("the connection pool is closed", "08003");
        }
        return idle.poll();
    }

    /** Closes the idle connections; connections lent out are closed when given back. */
    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.forEach(lent::remove);
            idle.clear();
        }
        toClose.forEach(JdbcConnectionPool::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // already broken or gone: nothing left to release
        }
    }
}
