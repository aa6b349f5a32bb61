package dev.drover.orchestrator.store;

import java.sql.SQLException;
import java.util.List;

/**
 * One database connection as the store, locks and runtime see it: blocking calls, to be made from a
 * worker (never an event-loop) thread. Failures are {@link SQLException}s with their SQLSTATE.
 */
public interface SqlSession extends AutoCloseable {

    /** Executes one statement (DDL or DML), discarding any result. */
    void execute(String sql) throws SQLException;

    /** Runs a query; each row is a list of column values in select order. */
    List<List<Object>> query(String sql) throws SQLException;

    /** Starts a transaction (autocommit off until {@link #commit()} or {@link #rollback()}). */
    void begin() throws SQLException;

    void commit() throws SQLException;

    /** Rolls back the open transaction; a no-op when none is open. */
    void rollback() throws SQLException;

    boolean inTransaction();

    /** Returns the connection to its pool (or closes it). Never throws. */
    @Override
    void close();
}
