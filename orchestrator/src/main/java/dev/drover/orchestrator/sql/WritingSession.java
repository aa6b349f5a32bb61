package dev.drover.orchestrator.sql;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.store.SqlSession;
import java.util.ArrayList;
import java.util.List;

/**
 * A session that collects statements instead of executing them, so the offline writer replays the
 * online run's code path. Transactions become the dialect's {@code BEGIN}/{@code COMMIT} lines.
 */
final class WritingSession implements SqlSession {

    private final Dialect dialect;
    private final List<String> statements = new ArrayList<>();
    private boolean inTransaction;

    WritingSession(Dialect dialect) {
        this.dialect = dialect;
    }

    List<String> statements() {
        return statements;
    }

    @Override
    public void execute(String sql) {
        statements.add(sql);
    }

    /** Offline SQL never reads the database (Alembic's --sql semantics). */
    @Override
    public List<List<Object>> query(String sql) {
        throw new UnsupportedOperationException("offline SQL cannot read the database");
    }

    @Override
    public void begin() {
        statements.add(dialect.begin());
        inTransaction = true;
    }

    @Override
    public void commit() {
        statements.add("COMMIT");
        inTransaction = false;
    }

    @Override
    public void rollback() {
        inTransaction = false;
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void close() {}
}
