package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionStore;
import dev.drover.orchestrator.script.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    private final StatementGuard guard;
    private final RevisionGate gate;
    /** Statements already committed per {@code revision/direction}, for revisions a lock timeout stopped half-way. */
    private Map<String, Integer> resume = Map.of();

    /**
     * @param transactionalDdl        whether the dialect's DDL is transactional
     * @param transactionPerMigration one transaction per revision; {@code false}: one per run (transactional DDL only)
     * @param runId                   written into history rows
     */
    public StepRunner(SqlSession session, VersionStore store, boolean transactionalDdl, boolean transactionPerMigration,
            String runId) {
        this(session, store, transactionalDdl, transactionPerMigration, runId, StatementGuard.NONE, RevisionGate.OPEN);
    }

    /**
     * @param guard lock and statement timeouts, lock-timeout retries (see {@link StatementGuard})
     * @param gate  asked before each revision but the first, when the previous one has committed
     */
    public StepRunner(SqlSession session, VersionStore store, boolean transactionalDdl, boolean transactionPerMigration,
            String runId, StatementGuard guard, RevisionGate gate) {
        this.session = session;
        this.store = store;
        this.transactionalDdl = transactionalDdl;
        this.perRun = transactionalDdl && !transactionPerMigration;
        this.runId = runId;
        this.guard = guard;
        this.gate = gate;
    }

    /**
     * Resumes revisions that a lock timeout stopped half-way outside a transaction (history status
     * {@code timed_out}) after their committed statements.
     *
     * @param committed statements committed, per {@code revision/direction}
     */
    StepRunner resuming(Map<String, Integer> committed) {
        this.resume = Map.copyOf(committed);
        return this;
    }

    /** Runs the steps in order; stops at the first failure and returns it, or {@code null} when all committed. */
    public StepError run(List<PreparedStep> steps) {
        if (perRun) {
            return runShared(steps);
        }
        for (int i = 0; i < steps.size(); i++) {
            String throttled = i == 0 ? null : gate.await();
            StepError error = throttled != null ? throttled(steps.get(i), throttled) : runStep(steps.get(i));
            if (error != null) {
                abandonOpenTransaction();
                return error;
            }
        }
        return null;
    }

    /**
     * One transaction for the steps (one per run, or left open): a lock timeout rolls it back and runs every
     * step since the last commit again.
     */
    private StepError runShared(List<PreparedStep> steps) {
        StatementGuard.Unit unit = guard.unit();
        while (true) {
            StepError error = runFrom(steps, committed.size());
            if (error == null) {
                return null;
            }
            StepError report = unit.retryOrReport(error, "the transaction holding this run's revisions was rolled "
                    + "back", this::discardOpenTransaction);
            if (report != null) {
                abandonOpenTransaction();
                return report;
            }
        }
    }

    private StepError runFrom(List<PreparedStep> steps, int from) {
        try {
            session.begin();
            for (PreparedStep step : steps.subList(from, steps.size())) {
                StepError error = runStep(step);
                if (error != null) {
                    return error;
                }
            }
            if (!leaveOpen) {
                commitIfOpen();
            }
            return null;
        } catch (SQLException e) {
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
            return runShared(steps);
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
            if (!transactionalDdl || !step.transactional()) {
                return runWithMarkers(step);
            }
            if (perRun || leaveOpen) {
                return runInTransaction(step);
            }
            StatementGuard.Unit unit = guard.unit();
            while (true) {
                StepError error = runInTransaction(step);
                StepError report = error == null ? null : unit.retryOrReport(error, "its transaction was rolled back, "
                        + "so the revision did not apply", this::discardOpenTransaction);
                if (error == null || report != null) {
                    return report;
                }
            }
        } catch (SQLException e) {
            return new StepError(step.revision(), null, null, e.getSQLState(), e.getMessage());
        }
    }

    private StepError runInTransaction(PreparedStep step) throws SQLException {
        long start = System.nanoTime();
        if (!session.inTransaction()) {
            session.begin();
        }
        executeAll(guard.enterStep(step, true));
        StepError error = executeStatements(step, false, 0);
        if (error != null) {
            return error;
        }
        if (perRun || leaveOpen) {
            executeAll(guard.leaveStep(step, true));
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

    /**
     * Marker protocol: 'started' row committed first, progress after each statement, delta + 'done' last. A
     * revision stopped by a lock or statement timeout is marked 'timed_out' and a later run resumes it after
     * the statements that committed (the database undid the one that gave up).
     */
    private StepError runWithMarkers(PreparedStep step) throws SQLException {
        long start = System.nanoTime();
        commitIfOpen();
        Integer done = resume.get(step.revision() + "/" + step.direction());
        session.execute(done == null ? store.insertStarted(step.revision(), step.direction(), step.checksum(), runId)
                : store.resumeTimedOut(step.revision(), step.direction(), step.checksum(), runId));
        executeAll(guard.enterStep(step, false));
        StepError error = executeStatements(step, true, done == null ? 0 : done);
        if (error != null) {
            if (error.is(ErrorKind.LOCK_TIMEOUT) || error.is(ErrorKind.STATEMENT_TIMEOUT)) {
                markTimedOut(step);
            }
            return error;
        }
        executeAll(guard.leaveStep(step, false));
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

    /**
     * Runs the statements after the first {@code skip}. With {@code recordProgress} (outside a transaction) a
     * lock timeout retries just the statement that timed out: the ones before it have committed.
     */
    private StepError executeStatements(PreparedStep step, boolean recordProgress, int skip) throws SQLException {
        List<Statement> statements = step.statements();
        for (int index = skip + 1; index <= statements.size(); index++) {
            Statement statement = statements.get(index - 1);
            StatementGuard.Unit unit = guard.unit();
            while (true) {
                StepError error = execute(step, index, statement);
                StepError report = error == null ? null
                        : recordProgress ? resumable(unit.retryOrReport(error, resumesAt(index), () -> true), index)
                        : error;
                if (report != null) {
                    return report;
                }
                if (error == null) {
                    break;
                }
            }
            if (recordProgress) {
                session.execute(store.recordProgress(step.revision(), step.direction(), runId, index));
            }
        }
        return null;
    }

    /** What a timeout outside a transaction leaves behind, and where the next run goes on. */
    private static String resumesAt(int index) {
        return (index == 1 ? "no statement of the revision had committed" : "statements 1-" + (index - 1)
                + " of the revision committed") + " and the rest did not run; the next run resumes at statement " + index;
    }

    /** A statement timeout outside a transaction says where the next run resumes (a lock timeout already does). */
    private static StepError resumable(StepError error, int index) {
        if (error == null || !error.is(ErrorKind.STATEMENT_TIMEOUT)) {
            return error;
        }
        return new StepError(error.revision(), error.statement(), error.line(), error.sqlState(),
                error.message() + "; " + resumesAt(index), error.kind(), error.attempts(), error.blockers());
    }

    private StepError execute(PreparedStep step, int index, Statement statement) {
        try {
            guard.execute(session, statement.sql());
            return null;
        } catch (SQLException e) {
            return guard.failure(step.revision(), index, statement.line(), e);
        }
    }

    private void executeAll(List<String> statements) throws SQLException {
        for (String sql : statements) {
            session.execute(sql);
        }
    }

    /** Lets a later run resume the revision; if even this fails, it stays 'started' and is refused as half-applied. */
    private void markTimedOut(PreparedStep step) {
        try {
            session.execute(store.markTimedOut(step.revision(), step.direction(), runId));
        } catch (SQLException e) {
            // the half-applied refusal names the repair
        }
    }

    /** The target stops before {@code step}: its server stayed throttled too long. */
    private static StepError throttled(PreparedStep step, String why) {
        return new StepError(step.revision(), null, null, null, why + "; revision '" + step.revision()
                + "' and any later did not start; run the command again when the server is less busy",
                ErrorKind.THROTTLED, null, List.of());
    }

    private void commitIfOpen() throws SQLException {
        if (session.inTransaction()) {
            session.commit();
        }
        committed.addAll(pending);
        pending.clear();
    }

    /** Rolls back a failed attempt that is about to run again: its steps are known not to have committed. */
    private boolean discardOpenTransaction() {
        try {
            session.rollback();
            pending.clear();
            return true;
        } catch (SQLException e) {
            return false;
        }
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

    private StepResult result(PreparedStep step, long startNanos) {
        return new StepResult(step.revision(), step.step().direction(), (System.nanoTime() - startNanos) / 1_000_000,
                step.statements().size(), guard.takeRetries());
    }
}
