package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.HistoryRow;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run left in a target's version table, read back after the run instead of assumed: the
 * heads, and which revisions this run recorded as done. A step's done row commits in the same
 * transaction as its version-table change, so the row is proof that the step committed, also when
 * the COMMIT's answer was lost with the connection.
 *
 * <p>The read uses the run's own session while it works; when that session is broken it opens a
 * fresh one and first waits (bounded by the target's lock wait) until no transaction still holds
 * writes to the version table, so it sees the lost transaction's commit or rollback, never an
 * in-between state. The target lock is still held meanwhile, on its own connection.
 *
 * @param heads      the heads now, sorted; {@code null} when they could not be read
 * @param doneInRun  {@code revision/direction} of every done row written by this run
 * @param unreadable why the version table could not be read back, or {@code null}
 */
record OutcomeReadBack(List<String> heads, Set<String> doneInRun, SQLException unreadable) {

    /**
     * @param doneRows whether to read this run's done rows (needed only when some step's COMMIT went
     *                 unacknowledged; otherwise {@link #doneInRun} is empty and only the heads are read)
     */
    static OutcomeReadBack read(SessionFactory sessions, MigrationTarget target, VersionStore store,
            SqlSession session, String runId, boolean doneRows) {
        try {
            return of(store, session, runId, doneRows);
        } catch (SQLException brokenSession) {
            return readOnFreshSession(sessions, target, store, runId, doneRows);
        }
    }

    /** Whether the version table could be read. */
    boolean known() {
        return unreadable == null;
    }

    /**
     * The steps that committed, in run order: those acknowledged, then those of {@code unacknowledged}
     * whose done row is in the version table.
     */
    List<StepResult> committed(List<StepResult> acknowledged, List<StepResult> unacknowledged) {
        List<StepResult> all = new ArrayList<>(acknowledged);
        for (StepResult step : unacknowledged) {
            if (doneInRun.contains(key(step.revision(), step.direction().label()))) {
                all.add(step);
            }
        }
        return all;
    }

    private static OutcomeReadBack readOnFreshSession(SessionFactory sessions, MigrationTarget target,
            VersionStore store, String runId, boolean doneRows) {
        try (SqlSession fresh = sessions.open(target)) {
            MigrationEngine.selectTenant(target, fresh, false);
            fresh.begin();
            for (String sql : target.dialect().awaitWriters(store.versionTableName(), target.lockWait())) {
                fresh.execute(sql);
            }
            OutcomeReadBack back = of(store, fresh, runId, doneRows);
            fresh.rollback();
            return back;
        } catch (SQLException e) {
            return new OutcomeReadBack(null, Set.of(), e);
        }
    }

    private static OutcomeReadBack of(VersionStore store, SqlSession session, String runId, boolean doneRows)
            throws SQLException {
        List<String> heads = store.heads(session);
        Set<String> done = new HashSet<>();
        for (HistoryRow row : doneRows ? store.history(session) : List.<HistoryRow>of()) {
            if (runId.equals(row.runId()) && HistoryRow.DONE.equals(row.status())) {
                done.add(key(row.revision(), row.direction()));
            }
        }
        return new OutcomeReadBack(heads, done, null);
    }

    private static String key(String revision, String direction) {
        return revision + "/" + direction;
    }
}
