package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.HistoryRow;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** A target run's outcome: what {@link TargetResult} reports besides the key, heads before and time. */
    record Settled(TargetStatus status, List<String> to, List<StepResult> steps, StepError error) {}

    /**
     * The run's result as this read shows it, never as guessed from a failure: a revision whose COMMIT
     * went out but whose answer was lost with the connection is reported committed when its done row is
     * there, and the error then says which revisions did not run; when the table could not be read back
     * the error says which revisions' outcome is unknown and {@code to} is derived from the acknowledged
     * commits.
     *
     * @param plan  the steps the runner was given, in order
     * @param error the runner's failure, or {@code null} when every step was acknowledged
     */
    Settled settle(MigrationTarget target, List<String> from, List<PreparedStep> plan, StepRunner runner,
            StepError error) {
        List<StepResult> secured = committed(runner.committed(), runner.unsecured());
        List<StepResult> committed = committed(secured, runner.unacknowledged());
        List<String> to = known() ? heads : headsAfter(from, plan, committed.size());
        if (committed.size() == plan.size()) {
            return new Settled(TargetStatus.SUCCEEDED, to, committed, null);
        }
        return new Settled(TargetStatus.FAILED, to, committed, explain(target, error, plan, secured.size(),
                committed.size(), runner));
    }

    /**
     * @param secured   steps known committed before any whose COMMIT answer was lost
     * @param committed steps committed in all, including lost COMMITs found in the version table
     */
    private StepError explain(MigrationTarget target, StepError error, List<PreparedStep> plan, int secured,
            int committed, StepRunner runner) {
        List<StepResult> unheard = new ArrayList<>(runner.unsecured());
        unheard.addAll(runner.unacknowledged());
        if (!known() && !unheard.isEmpty()) {
            String revisions = unheard.stream().map(s -> "'" + s.revision() + "'").collect(Collectors.joining(", "));
            return new StepError(error.revision(), error.statement(), error.line(), error.sqlState(), error.message()
                    + "; whether revision " + revisions + " committed is unknown because the version table could not "
                    + "be read back (" + unreadable.getMessage() + "); run 'drover current' for target '"
                    + target.key() + "' to see its heads before running again");
        }
        if (committed > secured) { // a COMMIT whose answer was lost did commit: the error came after it
            PreparedStep last = plan.get(committed - 1);
            PreparedStep next = plan.get(committed);
            return new StepError(next.revision(), null, null, error.sqlState(), "the connection was lost after revision '"
                    + last.revision() + "' committed (read back from the version table): " + error.message()
                    + "; revision '" + next.revision() + "' and any later did not run; run the command again to continue");
        }
        return error;
    }

    /** The heads after the first {@code n} steps of {@code plan}, when they cannot be read back. */
    private static List<String> headsAfter(List<String> from, List<PreparedStep> plan, int n) {
        List<String> heads = from;
        for (PreparedStep step : plan.subList(0, n)) {
            heads = step.step().delta().applyTo(heads);
        }
        return heads;
    }

    /** Whether the version table could be read. */
    boolean known() {
        return unreadable == null;
    }

    /**
     * The steps that committed, in run order: those acknowledged, then those of {@code unacknowledged}
     * whose done row is in the version table.
     */
    private List<StepResult> committed(List<StepResult> acknowledged, List<StepResult> unacknowledged) {
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
