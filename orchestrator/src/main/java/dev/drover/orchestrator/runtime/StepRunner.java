package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.script.Statement;
import dev.drover.orchestrator.store.PipelineException;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs prepared steps on one session with one of three transaction modes:
 * one transaction per revision (default), one per target run ({@code transactionPerMigration=false}),
 * or none with started/done markers when DDL is not transactional or the script says
 * {@code transactional: false}. The offline SQL writer drives it with a session that writes
 * instead of executing, so {@code --sql} output is exactly what an online run executes (apart from
 * the asynchronous commits of {@link #online}).
 *
 * <p>Round trips: a revision in its own transaction is one {@link SqlSession#transaction} (BEGIN, its
 * statements, its version and history rows, COMMIT), one round trip where the dialect pipelines.
 */
public final class StepRunner {

    private final SqlSession session;
    private final VersionStore store;
    private final boolean transactionalDdl;
    private final boolean perRun;
    private final String runId;
    private final StepCommits commits = new StepCommits();
    /** Set by {@link #runLeavingOpen}: the run-level transaction is ended by the caller, not committed here. */
    private boolean leaveOpen;
    /** Statements opening a transaction whose COMMIT need not wait for the disk (empty: never). */
    private List<String> asynchronousCommit = List.of();
    private List<String> durabilityBarrier = List.of();
    private StatementGuard guard = StatementGuard.NONE;
    private RevisionGate gate = RevisionGate.OPEN;
    /** Statements already committed per {@code revision/direction}, for revisions a timeout stopped half-way. */
    private Map<String, Integer> resume = Map.of();
    /** Run in the run's last transaction, after its version and history rows (see {@link #closingWith}). */
    private List<String> closing = List.of();
    /** The statements opening the run's one transaction, which the caller began (see {@link #joining}), or null. */
    private List<String> opening;

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

    /**
     * A runner for an online run on {@code dialect}: every revision that another revision of the same
     * run follows commits without waiting for the disk ({@link Dialect#asynchronousCommit()}), the
     * last one synchronously, which makes the earlier ones durable too; a run that stops early
     * commits {@link Dialect#durabilityBarrier()} before returning, and when even that fails, the
     * revisions it could not secure are reported in {@link #unsecured()} for the caller to read back.
     */
    public static StepRunner online(SqlSession session, VersionStore store, Dialect dialect,
            boolean transactionPerMigration, String runId) {
        StepRunner runner = new StepRunner(session, store, dialect.transactionalDdl(), transactionPerMigration, runId);
        runner.asynchronousCommit = dialect.asynchronousCommit();
        runner.durabilityBarrier = dialect.durabilityBarrier();
        return runner;
    }

    /**
     * Runs statements under {@code statementGuard} (lock and statement timeouts, lock-timeout retries) and
     * asks {@code revisionGate} before each revision but the first, where the previous one has committed.
     */
    public StepRunner guarded(StatementGuard statementGuard, RevisionGate revisionGate) {
        this.guard = statementGuard;
        this.gate = revisionGate;
        return this;
    }

    /**
     * Resumes revisions that a lock or statement timeout stopped half-way outside a transaction (history
     * status {@code timed_out}) after their committed statements.
     *
     * @param committed statements committed, per {@code revision/direction}
     */
    StepRunner resuming(Map<String, Integer> committed) {
        this.resume = Map.copyOf(committed);
        return this;
    }

    /**
     * Statements to run last in the transaction of the run's last revision (or in the run's one
     * transaction), after its version and history rows: the fleet ledger's write. A run that stops
     * early never runs them.
     */
    public StepRunner closingWith(List<String> statements) {
        this.closing = List.copyOf(statements);
        return this;
    }

    /**
     * One transaction per run only: the caller has begun the run's transaction and executed {@code statements} in
     * it (e.g. the tenant schema and version tables, so that they commit or roll back with the revisions); the
     * steps join it. A lock-timeout retry, which rolls it back, begins the next attempt with them again.
     */
    StepRunner joining(List<String> statements) {
        this.opening = List.copyOf(statements);
        return this;
    }

    /** Runs the steps in order; stops at the first failure and returns it, or {@code null} when all committed. */
    public StepError run(List<PreparedStep> steps) {
        StepError error = runAll(steps);
        if (error != null) {
            secureEarlierCommits();
        }
        return error;
    }

    private StepError runAll(List<PreparedStep> steps) {
        if (perRun) {
            return runShared(steps);
        }
        for (int i = 0; i < steps.size(); i++) {
            String throttled = i == 0 ? null : gate.await();
            StepError error = throttled != null ? throttled(steps.get(i), throttled)
                    : runStep(steps.get(i), i == steps.size() - 1);
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
            StepError error = runFrom(steps, commits.committedCount());
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
            if (opening == null) {
                session.begin();
            } else if (!session.inTransaction()) {
                session.begin(opening); // a retry: the rollback took the joined statements' work too
            }
            for (PreparedStep step : steps.subList(from, steps.size())) {
                StepError error = runStep(step, false);
                if (error != null) {
                    return error;
                }
            }
            if (!leaveOpen && session.inTransaction()) {
                session.commit(closing); // the run's one transaction
                acknowledged(false);
            }
            return null;
        } catch (SQLException e) {
            return new StepError(null, null, null, e.getSQLState(), e.getMessage());
        }
    }

    /**
     * A run that stops early has no final synchronous commit: commit the barrier so that the revisions
     * reported committed are durable, or, if that fails too, leave their fate to the read-back.
     */
    private void secureEarlierCommits() {
        if (!commits.hasNotDurable()) {
            return;
        }
        try {
            session.begin(durabilityBarrier);
            session.commit();
            commits.secured();
        } catch (SQLException e) {
            rollbackQuietly();
            commits.unsecurable();
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
        return commits.pending();
    }

    /** Steps whose COMMIT was acknowledged by the database. */
    public List<StepResult> committed() {
        return commits.committed();
    }

    /**
     * After a failure: the steps of the transaction that was open when it happened. Usually rolled
     * back; but when the failure is a lost connection during COMMIT they may have committed, and
     * only the version table can tell (see {@code OutcomeReadBack}).
     */
    public List<StepResult> unacknowledged() {
        return commits.unacknowledged();
    }

    /**
     * After a run that stopped early: steps whose COMMIT was acknowledged without waiting for the disk
     * and that nothing could make durable since (the connection was gone). They precede
     * {@link #unacknowledged()} in run order; only the version table can tell whether they survive.
     */
    public List<StepResult> unsecured() {
        return commits.unsecured();
    }

    /** Runs one step; a failure outside its statements (version or history rows, commit) is reported on it too. */
    private StepError runStep(PreparedStep step, boolean last) {
        try {
            if (step.java() != null) {
                return runJava(step, last);
            }
            if (!transactionalDdl || !step.transactional()) {
                return runWithMarkers(step, last);
            }
            if (perRun || leaveOpen) {
                return runInTransaction(step, last);
            }
            StatementGuard.Unit unit = guard.unit();
            while (true) {
                StepError error = runInTransaction(step, last);
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

    private StepError runInTransaction(PreparedStep step, boolean last) throws SQLException {
        if (!perRun && !leaveOpen) {
            return runOwnTransaction(step, last);
        }
        long start = System.nanoTime();
        for (String sql : guard.enterStep(step, true)) {
            session.execute(sql);
        }
        StepError error = executeStatements(step, 0, false);
        if (error != null) {
            return error;
        }
        for (String sql : guard.leaveStep(step, true)) {
            session.execute(sql);
        }
        for (String sql : bookkeeping(step, false)) {
            session.execute(sql);
        }
        commits.pending(result(step, start));
        return null;
    }

    /**
     * A revision in its own transaction: BEGIN, its statements, its version and history rows (and, for the
     * run's last revision, {@link #closing}) and COMMIT in one round trip where the session pipelines
     * ({@link SqlSession#transaction}), so the server never waits for Drover between statements.
     */
    private StepError runOwnTransaction(PreparedStep step, boolean last) throws SQLException {
        long start = System.nanoTime();
        boolean asynchronous = !last && !asynchronousCommit.isEmpty();
        List<String> statements = new ArrayList<>(asynchronous ? asynchronousCommit : List.of());
        statements.addAll(guard.enterStep(step, true));
        int first = statements.size();
        step.statements().forEach(statement -> statements.add(statement.sql()));
        statements.addAll(bookkeeping(step, last));
        try {
            guard.transaction(session, statements);
        } catch (PipelineException e) {
            int index = e.failedIndex() - first;
            if (e.failedIndex() < 0) {
                commits.pending(result(step, start)); // BEGIN, COMMIT or a lost connection: only the table can tell
            }
            return e.failedIndex() >= 0 && index < step.statements().size() ? statementError(step, index, e)
                    : guard.failure(step.revision(), null, null, e);
        }
        commits.pending(result(step, start));
        acknowledged(asynchronous);
        return null;
    }

    /**
     * A Java revision under the rules of a SQL one: in a transaction with its version and history rows where the
     * database and its script allow (its own, or the run's open one), otherwise between a 'started' row and the
     * 'done' bookkeeping. A failure is the step's error, the transaction left for the caller to roll back.
     */
    private StepError runJava(PreparedStep step, boolean last) throws SQLException {
        long start = System.nanoTime();
        boolean transaction = transactionalDdl && step.transactional();
        if (!transaction) {
            commitIfOpen();
            session.execute(store.insertStarted(step.revision(), step.direction(), step.checksum(), runId));
        }
        boolean own = transaction && !session.inTransaction();
        if (own) {
            session.begin();
        }
        JavaStep.Outcome outcome = step.java().run(step, session);
        if (outcome.error() != null) {
            return outcome.error();
        }
        PreparedStep ran = step.withStatements(outcome.executed());
        List<String> bookkeeping = transaction ? bookkeeping(ran, last) : markedDone(ran, last);
        commits.pending(result(ran, start));
        if (transaction && !own) {
            for (String sql : bookkeeping) {
                session.execute(sql);
            }
            return null;
        }
        if (!own) {
            session.begin();
        }
        session.commit(bookkeeping);
        acknowledged(false);
        if (!transaction && perRun) {
            session.begin();
        }
        return null;
    }

    /** Outside a transaction: the version delta and the 'done' mark, then {@link #closing} when it is the run's last. */
    private List<String> markedDone(PreparedStep step, boolean last) {
        List<String> statements = new ArrayList<>(store.applyDelta(step.step().delta()));
        statements.add(store.markDone(step.revision(), step.direction(), runId, step.statements().size()));
        if (last && !perRun) {
            statements.addAll(closing);
        }
        return statements;
    }

    /** The version delta and the done row of {@code step}, then {@link #closing} when it is the run's last. */
    private List<String> bookkeeping(PreparedStep step, boolean last) {
        List<String> statements = new ArrayList<>(store.applyDelta(step.step().delta()));
        statements.add(store.insertDone(step.revision(), step.direction(), step.checksum(), step.statements().size(),
                runId));
        if (last) {
            statements.addAll(closing);
        }
        return statements;
    }

    /**
     * Marker protocol: 'started' row committed first, progress after each statement, delta + 'done' last. A
     * revision stopped by a lock or statement timeout is marked 'timed_out' and a later run resumes it after
     * the statements that committed (the database undid the one that gave up).
     */
    private StepError runWithMarkers(PreparedStep step, boolean last) throws SQLException {
        long start = System.nanoTime();
        commitIfOpen();
        Integer done = resume.get(step.revision() + "/" + step.direction());
        session.execute(done == null ? store.insertStarted(step.revision(), step.direction(), step.checksum(), runId)
                : store.resumeTimedOut(step.revision(), step.direction(), step.checksum(), runId));
        for (String sql : guard.enterStep(step, false)) {
            session.execute(sql);
        }
        StepError error = executeStatements(step, done == null ? 0 : done, true);
        if (error != null) {
            if (error.is(ErrorKind.LOCK_TIMEOUT) || error.is(ErrorKind.STATEMENT_TIMEOUT)) {
                markTimedOut(step);
            }
            return error;
        }
        for (String sql : guard.leaveStep(step, false)) {
            session.execute(sql);
        }
        List<String> bookkeeping = markedDone(step, last);
        commits.pending(result(step, start));
        session.begin();
        session.commit(bookkeeping);
        acknowledged(false);
        if (perRun) {
            session.begin();
        }
        return null;
    }

    /**
     * Executes the step's statements from index {@code from} (0-based) on, one round trip each. With
     * {@code recordProgress} (outside a transaction) a lock timeout retries just the statement that timed
     * out: the ones before it have committed.
     */
    private StepError executeStatements(PreparedStep step, int from, boolean recordProgress) throws SQLException {
        List<Statement> statements = step.statements();
        for (int i = from; i < statements.size(); i++) {
            StatementGuard.Unit unit = guard.unit();
            while (true) {
                StepError error = execute(step, i);
                StepError report = error == null ? null
                        : recordProgress ? resumable(unit.retryOrReport(error, resumesAt(i), () -> true), i) : error;
                if (report != null) {
                    return report;
                }
                if (error == null) {
                    break;
                }
            }
            if (recordProgress) {
                session.execute(store.recordProgress(step.revision(), step.direction(), runId, i + 1));
            }
        }
        return null;
    }

    private StepError execute(PreparedStep step, int index) {
        try {
            guard.execute(session, step.statements().get(index).sql());
            return null;
        } catch (SQLException e) {
            return statementError(step, index, e);
        }
    }

    /** Statement {@code index} (0-based) failed: classified by the guard (lock or statement timeout). */
    private StepError statementError(PreparedStep step, int index, SQLException e) {
        return guard.failure(step.revision(), index + 1, step.statements().get(index).line(), e);
    }

    /** What a timeout outside a transaction leaves behind, and where the next run goes on. */
    private static String resumesAt(int index) {
        return (index == 0 ? "no statement of the revision had committed" : "statements 1-" + index
                + " of the revision committed") + " and the rest did not run; the next run resumes at statement "
                + (index + 1);
    }

    /** A statement timeout outside a transaction says where the next run resumes (a lock timeout already does). */
    private static StepError resumable(StepError error, int index) {
        if (error == null || !error.is(ErrorKind.STATEMENT_TIMEOUT)) {
            return error;
        }
        return new StepError(error.revision(), error.statement(), error.line(), error.sqlState(),
                error.message() + "; " + resumesAt(index), error.kind(), error.attempts(), error.blockers());
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

    /** Commits a transaction left open (one per run, or before a marker step); its steps are then acknowledged. */
    private void commitIfOpen() throws SQLException {
        if (session.inTransaction()) {
            session.commit();
            acknowledged(false);
        }
    }

    /** The pending steps' COMMIT was acknowledged; a synchronous one also made every earlier commit durable. */
    private void acknowledged(boolean asynchronous) {
        commits.acknowledged(asynchronous);
    }

    /** Rolls back a failed attempt that is about to run again: its steps are known not to have committed. */
    private boolean discardOpenTransaction() {
        try {
            session.rollback();
            commits.discarded();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Ends a failed run's transaction; its steps move from pending to {@link #unacknowledged}. */
    private void abandonOpenTransaction() {
        rollbackQuietly();
        commits.abandoned();
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
