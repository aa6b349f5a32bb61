package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.store.PipelineException;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * A pooled JDBC connection as a {@link SqlSession}, used on the calling thread: a target's whole run
 * stays on the one thread that holds its connection, with no hand-off per statement.
 *
 * <p>Transactions are driven with SQL ({@code BEGIN}/{@code START TRANSACTION}, {@code COMMIT},
 * {@code ROLLBACK}) on an autocommit connection, exactly what the offline SQL writes. Where the
 * dialect allows several statements in one round trip ({@link Dialect#pipelinesStatements()}),
 * {@link #begin(List)} and {@link #commit(List)} send their statements together with the
 * {@code BEGIN}/{@code COMMIT}.
 */
final class JdbcSqlSession implements SqlSession {

    private final Connection connection;
    private final Dialect dialect;
    private final JdbcConnectionPool pool;
    private boolean transaction;
    private boolean broken;
    private boolean closed;

    /** @param pool where {@link #close()} gives the connection back (or closes it when it broke) */
    JdbcSqlSession(Connection connection, Dialect dialect, JdbcConnectionPool pool) {
        this.connection = connection;
        this.dialect = dialect;
        this.pool = pool;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw noted(e);
        }
    }

    @Override
    public void execute(List<String> statements) throws SQLException {
        if (dialect.pipelinesStatements() && statements.size() > 1) {
            execute(String.join(";\n", statements));
            return;
        }
        for (String sql : statements) {
            execute(sql);
        }
    }

    @Override
    public List<List<Object>> query(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            List<List<Object>> result = new ArrayList<>();
            while (rows.next()) {
                List<Object> values = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    values.add(value(rows.getObject(i)));
                }
                result.add(values);
            }
            return result;
        } catch (SQLException e) {
            throw noted(e);
        }
    }

    @Override
    public void begin() throws SQLException {
        begin(List.of());
    }

    @Override
    public void begin(List<String> thenExecute) throws SQLException {
        List<String> statements = new ArrayList<>(thenExecute.size() + 1);
        statements.add(dialect.begin());
        statements.addAll(thenExecute);
        if (dialect.pipelinesStatements()) {
            transaction = true; // set first: a failure after BEGIN leaves an aborted transaction to roll back
            execute(String.join(";\n", statements));
            return;
        }
        execute(statements.get(0));
        transaction = true;
        for (String sql : thenExecute) {
            execute(sql);
        }
    }

    @Override
    public void commit() throws SQLException {
        commit(List.of());
    }

    /**
     * When the statements and the {@code COMMIT} go in one round trip and one of them fails, the
     * transaction stays open (aborted) so that {@link #rollback()} ends it.
     */
    @Override
    public void commit(List<String> firstExecute) throws SQLException {
        if (dialect.pipelinesStatements() && !firstExecute.isEmpty()) {
            List<String> statements = new ArrayList<>(firstExecute);
            statements.add("COMMIT");
            execute(String.join(";\n", statements));
            transaction = false;
            return;
        }
        for (String sql : firstExecute) {
            execute(sql);
        }
        transaction = false;
        execute("COMMIT");
    }

    /**
     * Where the dialect pipelines, one JDBC batch: the driver sends every statement before reading any
     * answer, and the server stops at the first failure. Each statement carries a leading comment
     * with its index ({@link PipelineMarker}) so that the failing one can be named from the driver's
     * batch error, which quotes it, whatever the driver's language.
     */
    @Override
    public void transaction(List<String> statements) throws SQLException {
        if (!dialect.pipelinesStatements()) {
            SqlSession.super.transaction(statements);
            return;
        }
        transaction = true; // BEGIN goes first: any failure after it leaves a transaction to roll back
        try (Statement batch = connection.createStatement()) {
            batch.addBatch(dialect.begin());
            for (int i = 0; i < statements.size(); i++) {
                batch.addBatch(PipelineMarker.mark(i, statements.get(i)));
            }
            batch.addBatch("COMMIT");
            batch.executeBatch();
            transaction = false;
        } catch (SQLException e) {
            SQLException cause = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
            noted(cause);
            if (!broken) {
                try {
                    rollback();
                } catch (SQLException ignored) {
                    broken = true;
                }
            }
            transaction = false;
            throw new PipelineException(cause, PipelineMarker.failedIndex(e, statements.size()));
        }
    }

    @Override
    public void rollback() throws SQLException {
        if (transaction) {
            transaction = false;
            execute("ROLLBACK");
        }
    }

    @Override
    public boolean inTransaction() {
        return transaction;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (transaction && !broken) {
            try {
                rollback();
            } catch (SQLException e) {
                broken = true;
            }
        }
        pool.giveBack(connection, broken);
    }

    /** Marks the connection broken when the failure is the connection's (SQLSTATE class 08, or closed). */
    private SQLException noted(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.startsWith("08") || state.startsWith("57P")) {
            broken = true;
        } else {
            try {
                broken |= connection.isClosed();
            } catch (SQLException ignored) {
                broken = true;
            }
        }
        return e;
    }

    /** Timestamps as {@code java.time} values, like every other value a caller may print or compare. */
    private static Object value(Object raw) {
        return raw instanceof Timestamp ts ? ts.toLocalDateTime() : raw;
    }
}
