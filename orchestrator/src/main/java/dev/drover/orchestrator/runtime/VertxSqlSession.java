package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.store.SqlSession;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * A pooled Vert.x JDBC connection seen as a blocking {@link SqlSession}. The JDBC work itself runs on
 * Vert.x worker threads; this class only waits for it, and refuses to do so on an event loop.
 *
 * <p>Transactions are driven with SQL ({@code BEGIN}/{@code START TRANSACTION}, {@code COMMIT},
 * {@code ROLLBACK}) on an autocommit connection rather than with Vert.x's {@code begin()}: the
 * Vert.x 5.0 JDBC client leaves autocommit off after a commit, which would put every later
 * statement (and the next borrower of the pooled connection) into an implicit transaction. It is
 * also exactly what the offline SQL writes.
 */
final class VertxSqlSession implements SqlSession {

    private final SqlConnection connection;
    private final Dialect dialect;
    private boolean transaction;

    VertxSqlSession(SqlConnection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    @Override
    public void execute(String sql) throws SQLException {
        await(connection.query(sql).execute());
    }

    @Override
    public List<List<Object>> query(String sql) throws SQLException {
        RowSet<Row> rows = await(connection.query(sql).execute());
        List<List<Object>> result = new ArrayList<>();
        for (Row row : rows) {
            List<Object> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(row.getValue(i));
            }
            result.add(values);
        }
        return result;
    }

    @Override
    public void begin() throws SQLException {
        execute(dialect.begin());
        transaction = true;
    }

    @Override
    public void commit() throws SQLException {
        transaction = false;
        execute("COMMIT");
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
        if (transaction) {
            try {
                rollback();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        try {
            await(connection.close());
        } catch (SQLException | RuntimeException e) {
            // the pool discards a broken connection
        }
    }

    /** Waits for a Vert.x future from a non-event-loop thread and unwraps its SQLException. */
    static <T> T await(Future<T> future) throws SQLException {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Drover's migration runtime must not block a Vert.x event loop; "
                    + "call it from a worker thread or use the asynchronous facade");
        }
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the database", "57014", e);
        } catch (ExecutionException e) {
            throw sqlException(e.getCause());
        }
    }

    static SQLException sqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return new SQLException(String.valueOf(failure.getMessage()), (String) null, failure);
    }
}
