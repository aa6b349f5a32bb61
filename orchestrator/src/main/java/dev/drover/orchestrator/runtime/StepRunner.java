package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionStore;
import dev.drover.orchestrator.script.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs prepared steps on one session with the transaction mode of DESIGN.md section 8:
 * one transaction per revision (default), one per target run ({@code transactionPerMigration=false}),
 * or none with started/done markers when DDL is not transactional or the script says
 * {@code transactional: false}. The offline SQL writer drives it with a session that writes
 * instead of executing, so {@code --sql} output is exactly what an online run executes.
 */
public final class StepRunner {

    private final SqlSession session;
    private final VersionStore store;
    private final boolean transactionalDdl;
    private final boolean perRun;
    private final String runId;
    /** Steps committed so far (reported); steps of an open run-level transaction wait in {@link #pending}. */
    private final List<StepResult> committed = new ArrayList<>();
    private final List<StepResult> pending = new ArrayList<>();
    /** Steps of the transaction that was open when the run failed: rolled back, or committed unheard. */
    private final List<StepResult> unacknowledged = new ArrayList<>();
    /** Set by {@link #runLeavingOpen}: the run-level transaction is ended by the caller, not committed here. */
    private boolean leaveOpen;

    /**
     * @param transactionalDdl        whether the dialect's DDL is transactional
     * @param transactionPerMigration one transaction per revision; {@code false}: one per run (transactional DDL only)
     * @param runId                   written into history rows
     */
    public StepRunner(SqlSession session, VersionStore store, boolean transactionalDdl, boolean transactionPerMigration,
            String runId) {
        this.session = session;
        this.store = store;
        this.transactionalDdl = transactionalDdl;
        this.perRun = transactionalDdl && !transactionPerMigration;
        this.runId = runId;
    }

    /** Runs the steps in order; stops at the first failure and returns it, or {@code null} when all committed. */
    public StepError run(List<PreparedStep> steps) {
        try {
            if (perRun) {
                session.begin();
            }
            for (PreparedStep step : steps) {
                StepError error = runStep(step);
                if (error != null) {
                    abandonOpenTransaction();
                    return error;
                }
            }
            commitIfOpen();
            return null;
        } catch (SQLException e) {
            abandonOpenTransaction();
            return new StepError(null, null, null, e.getSQLState(), e.getMessage());
        }
    }

    /**
     * Runs every step in ONE transaction and leaves it open for the caller to end, e.g. with
     * {@code PREPARE TRANSACTION} (two-phase commit); the steps are then in {@link #pending()}.
     * Requires transactional DDL and transactional steps: otherwise nothing runs and the first
     * offending step is returned as the error. On a failure the transaction is rolled back.
     *
     * @return the failure, or {@code null} when every step ran and the transaction is still open
     */
    public StepError runLeavingOpen(List<PreparedStep> steps) {
        for (PreparedStep step : steps) {
            if (!transactionalDdl || !step.transactional()) {
                return StepError.of(step.revision(), "revision '" + step.revision() + "' (" + step.fileLabel()
                        + ") cannot run inside one open transaction (its script or the database commits DDL)");
            }
        }
        leaveOpen = true;
        try {
            session.begin();
            for (PreparedStep step : steps) {
                StepError error = runStep(step);
                if (error != null) {
                    abandonOpenTransaction();
                    return error;
                }
            }
            return null;
        } catch (SQLException e) {
            abandonOpenTransaction();
            return new StepError(null, null, null, e.getSQLState(), e.getMessage());
        } finally {
            leaveOpen = false;
        }
    }

    /** Steps that ran in a transaction still open (see {@link #runLeavingOpen}). */
    public List<StepResult> pending() {
        return List.copyOf(pending);
    }

    /** Steps whose COMMIT was acknowledged by the database. */
    public List<StepResult> committed() {
        return List.copyOf(committed);
    }

    /**
     * After a failure: the steps of the transaction that was open when it happened. Usually rolled
     * back; but when the failure is a lost connection during COMMIT they may have committed, and
     * only the version table can tell (see {@code OutcomeReadBack}).
     */
    public List<StepResult> unacknowledged() {
        return List.copyOf(unacknowledged);
    }

    /** Runs one step; a failure outside its statements (version or history rows, commit) is reported on it too. */
    private StepError runStep(PreparedStep step) {
        try {
            return transactionalDdl && step.transactional() ? runInTransaction(step) : runWithMarkers(step);
        } catch (SQLException e) {
            return new StepError(step.revision(), null, null, e.getSQLState(), e.getMessage());
        }
    }

    private StepError runInTransaction(PreparedStep step) throws SQLException {
        long start = System.nanoTime();
        if (!session.inTransaction()) {
            session.begin();
        }
        StepError error = executeStatements(step, false);
        if (error != null) {
            return error;
        }
        for (String sql : store.applyDelta(step.step().delta())) {
            session.execute(sql);
        }
        session.execute(store.insertDone(step.revision(), step.direction(), step.checksum(), step.statements().size(), runId));
        pending.add(result(step, start));
        if (!perRun && !leaveOpen) {
            commitIfOpen();
        }
        return null;
    }

    /** Marker protocol: 'started' row committed first, progress after each statement, delta + 'done' last. */
    private StepError runWithMarkers(PreparedStep step) throws SQLException {
        long start = System.nanoTime();
        commitIfOpen();
        session.execute(store.insertStarted(step.revision(), step.direction(), step.checksum(), runId));
        StepError error = executeStatements(step, true);
        if (error != null) {
            return error;
        }
        session.begin();
        for (String sql : store.applyDelta(step.step().delta())) {
            session.execute(sql);
        }
        session.execute(store.markDone(step.revision(), step.direction(), runId, step.statements().size()));
        pending.add(result(step, start));
        commitIfOpen();
        if (perRun) {
            session.begin();
        }
        return null;
    }

    private StepError executeStatements(PreparedStep step, boolean recordProgress) throws SQLException {
        int index = 0;
        for (Statement statement : step.statements()) {
            index++;
            try {
                session.execute(statement.sql());
            } catch (SQLException e) {
                return new StepError(step.revision(), index, statement.line(), e.getSQLState(), e.getMessage());
            }
            if (recordProgress) {
                session.execute(store.recordProgress(step.revision(), step.direction(), runId, index));
            }
        }
        return null;
    }

    private void commitIfOpen() throws SQLException {
        if (session.inTransaction()) {
            session.commit();
        }
        committed.addAll(pending);
        pending.clear();
    }

    /** Ends a failed run's transaction; its steps move from pending to {@link #unacknowledged}. */
    private void abandonOpenTransaction() {
        rollbackQuietly();
        unacknowledged.addAll(pending);
        pending.clear();
    }

    private void rollbackQuietly() {
        try {
            session.rollback();
        } catch (SQLException e) {
            // the transaction is gone either way; the caller re-reads the version table
        }
    }

    private static StepResult result(PreparedStep step, long startNanos) {
        return new StepResult(step.revision(), step.step().direction(), (System.nanoTime() - startNanos) / 1_000_000,
                step.statements().size());
    }
}
