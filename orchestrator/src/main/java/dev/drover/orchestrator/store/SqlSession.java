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

    /**
     * Executes {@code statements} in order (autocommit), in one round trip where the connection allows
     * it; stops at the first failure. In one round trip PostgreSQL runs them as one implicit
     * transaction, so a failure also undoes the earlier ones: use it for statements that belong together.
     */
    default void execute(List<String> statements) throws SQLException {
        for (String sql : statements) {
            execute(sql);
        }
    }

    /** Runs a query; each row is a list of column values in select order. */
    List<List<Object>> query(String sql) throws SQLException;

    /** Starts a transaction (autocommit off until {@link #commit()} or {@link #rollback()}). */
    void begin() throws SQLException;

    void commit() throws SQLException;

    /**
     * {@link #begin()}, then {@code thenExecute} in order, in one round trip where the connection
     * allows it. On a failure the transaction is open (and may be aborted): end it with {@link #rollback()}.
     */
    default void begin(List<String> thenExecute) throws SQLException {
        begin();
        for (String sql : thenExecute) {
            execute(sql);
        }
    }

    /**
     * {@code firstExecute} in order, then {@link #commit()}, in one round trip where the connection
     * allows it. On a failure before the commit the transaction is still open: end it with
     * {@link #rollback()}. A failure of the commit itself may mean that the answer was lost (SQLSTATE
     * class 08): then only the database can tell whether it committed.
     */
    default void commit(List<String> firstExecute) throws SQLException {
        for (String sql : firstExecute) {
            execute(sql);
        }
        commit();
    }

    /**
     * {@code BEGIN}, {@code statements} in order, {@code COMMIT}: in one round trip where the connection
     * allows it, otherwise one statement at a time. On a failure the transaction is rolled back (when
     * the connection still answers) before this throws, and nothing after the failing statement ran.
     *
     * @throws PipelineException naming the failing statement's index (-1: {@code BEGIN}, {@code COMMIT},
     *                           or a lost connection whose last statement is unknown); a failed
     *                           {@code COMMIT} whose answer was lost (SQLSTATE class 08) may have committed
     */
    default void transaction(List<String> statements) throws SQLException {
        begin();
        for (int i = 0; i < statements.size(); i++) {
            try {
                execute(statements.get(i));
            } catch (SQLException e) {
                rollbackQuietly();
                throw new PipelineException(e, i);
            }
        }
        try {
            commit();
        } catch (SQLException e) {
            throw new PipelineException(e, -1);
        }
    }

    private void rollbackQuietly() {
        try {
            rollback();
        } catch (SQLException e) {
            // the connection is gone: the server rolls the transaction back by itself
        }
    }

    /** Rolls back the open transaction; a no-op when none is open. */
    void rollback() throws SQLException;

    boolean inTransaction();

    /** Returns the connection to its pool (or closes it). Never throws. */
    @Override
    void close();

    /**
     * The JDBC connection under this session, for a Java revision's reads and prepared statements (transactions
     * stay driven by the session).
     *
     * @throws java.sql.SQLFeatureNotSupportedException for a session that writes SQL instead of executing it
     */
    default java.sql.Connection connection() throws SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("this session writes SQL and has no connection");
    }
}
