package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;

/** Opens connections to a target's server; the runtime borrows one for work and one for the lock. */
public interface SessionFactory extends AutoCloseable {

    /** A connection for migration work (autocommit, tenant not yet selected). */
    SqlSession open(MigrationTarget target) throws SQLException;

    /** A separate autocommit connection that holds the target lock. */
    SqlSession openForLock(MigrationTarget target) throws SQLException;

    @Override
    default void close() {}
}
