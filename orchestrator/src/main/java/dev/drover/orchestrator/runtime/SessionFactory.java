package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;

/** Opens connections to a target's server; the runtime borrows one for work and one for the lock. */
public interface SessionFactory extends AutoCloseable {

    /**
     * JDBC connection pools, one per server and user, each with at most {@code maxConnectionsPerServer}
     * work connections (and as many lock connections); {@link #close()} closes them.
     */
    static SessionFactory pooled(int maxConnectionsPerServer) {
        return new JdbcSessions(maxConnectionsPerServer);
    }

    /** A connection for migration work (autocommit, tenant not yet selected). */
    SqlSession open(MigrationTarget target) throws SQLException;

    /** A separate autocommit connection that holds the target lock. */
    SqlSession openForLock(MigrationTarget target) throws SQLException;

    /**
     * A connection for the fleet's throttle probes, apart from the work and lock connections, so a probe
     * never waits for a connection that a target (itself waiting for the throttle) holds.
     */
    default SqlSession openForProbe(MigrationTarget target) throws SQLException {
        return open(target);
    }

    @Override
    default void close() {}
}
