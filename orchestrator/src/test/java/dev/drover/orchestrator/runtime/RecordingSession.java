package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Records what a runner sends, failing any statement containing {@code failOn}. */
final class RecordingSession implements SqlSession {

    final List<String> log = new ArrayList<>();
    private final String failOn;
    private boolean inTransaction;
    private int commits;
    private int lostCommit;
    private String slowFragment;
    private int slowTimes;
    private SQLException slowFailure;

    RecordingSession(String failOn) {
        this.failOn = failOn;
    }

    /** The first {@code times} statements containing {@code fragment} fail with {@code failure} (e.g. a lock timeout). */
    RecordingSession failing(String fragment, int times, SQLException failure) {
        slowFragment = fragment;
        slowTimes = times;
        slowFailure = failure;
        return this;
    }

    @Override
    public void execute(String sql) throws SQLException {
        if (slowFragment != null && sql.contains(slowFragment) && slowTimes > 0) {
            slowTimes--;
            log.add("TIMEOUT " + sql);
            throw slowFailure;
        }
        if (failOn != null && sql.contains(failOn)) {
            log.add("FAIL " + sql);
            throw new SQLException("boom", "42P07");
        }
        log.add(sql);
    }

    @Override
    public List<List<Object>> query(String sql) {
        log.add(sql);
        return List.of();
    }

    @Override
    public void begin() {
        log.add("BEGIN");
        inTransaction = true;
    }

    /** The {@code n}-th COMMIT fails with a lost connection (SQLSTATE 08006), as if its answer never came. */
    RecordingSession losingCommit(int n) {
        lostCommit = n;
        return this;
    }

    @Override
    public void commit() throws SQLException {
        log.add("COMMIT");
        inTransaction = false;
        if (++commits == lostCommit) {
            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
        }
    }

    @Override
    public void rollback() {
        if (inTransaction) {
            log.add("ROLLBACK");
        }
        inTransaction = false;
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void close() {}
}
