package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.lock.Blocker;
import dev.drover.orchestrator.lock.BlockingSessions;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The live-fleet side of running statements, used by {@link StepRunner} (issue 14): applies the target's
 * {@link StatementLimits} to a borrowed work connection and takes them off again, runs each migration
 * statement under the {@link BlockerWatch}, classifies failures (lock timeout, statement timeout) and
 * decides lock-timeout retries with {@link Backoff}. A "unit" is what one retry runs again: a revision's
 * transaction, a run's transaction, or a single statement outside any transaction. One guard serves one
 * borrow of one target; not thread-safe.
 */
public final class StatementGuard {

    /** Distinguishes the work sessions of one run by their application name (PostgreSQL finds blockers by it). */
    private static final AtomicLong SESSIONS = new AtomicLong();

    /** No limits, no retries, plain execution: the offline SQL writer and plain runners. */
    public static final StatementGuard NONE = new StatementGuard(null, StatementLimits.NONE, null, BlockerWatch.NONE);

    /** Undoes a failed unit before it runs again; {@code false} when that failed (no retry then). */
    interface Undo {
        boolean run();
    }

    private final Dialect dialect;
    private final StatementLimits limits;
    private final Backoff backoff;
    private final BlockerWatch watch;
    private Duration statementTimeout;
    private boolean statementTimeoutChanged;
    private int retries;
    private final LongSupplier nanoTime;
    private long startedNanos;

    StatementGuard(Dialect dialect, StatementLimits limits, Backoff backoff, BlockerWatch watch) {
        this(dialect, limits, backoff, watch, System::nanoTime);
    }

    /** @param nanoTime the monotonic clock that times statements (a statement timeout is told by its length) */
    StatementGuard(Dialect dialect, StatementLimits limits, Backoff backoff, BlockerWatch watch,
            LongSupplier nanoTime) {
        this.dialect = dialect;
        this.limits = limits;
        this.backoff = backoff;
        this.watch = watch;
        this.statementTimeout = limits.statementTimeout();
        this.nanoTime = nanoTime;
    }

    /**
     * The application name of one borrow of a work session: {@code drover <runId> #<n>}, unique in this
     * process, so the blocker watch finds the session without asking its pid (a round trip).
     */
    static String label(String runId) {
        return "drover " + runId + " #" + SESSIONS.incrementAndGet();
    }

    /**
     * The statements that label a freshly borrowed work session and set the target's limits on it; the
     * engine sends them with the rest of its setup (one round trip where the dialect pipelines).
     */
    static List<String> sessionStatements(MigrationTarget target, String label) {
        List<String> statements = new ArrayList<>(target.dialect().applicationName(label));
        statements.addAll(target.dialect().sessionLimits(target.limits().lockTimeout(),
                target.limits().statementTimeout()));
        return statements;
    }

    /** The guard of a work session set up with {@link #sessionStatements}; its watch asks {@code lockSession}. */
    static StatementGuard forTarget(MigrationTarget target, SqlSession lockSession, String label, Backoff backoff) {
        BlockerWatch watch = new BlockerWatch(lockSession, BlockingSessions.forDialect(target.dialect()), label,
                target.limits().lockTimeout());
        return new StatementGuard(target.dialect(), target.limits(), backoff, watch);
    }

    /** Takes this borrow's limits off the session before it returns to its pool; never throws. */
    void close(SqlSession session) {
        if (dialect == null) {
            return;
        }
        try {
            for (String sql : dialect.clearSessionLimits(!limits.lockTimeout().isZero(),
                    !limits.statementTimeout().isZero() || statementTimeoutChanged)) {
                session.execute(sql);
            }
        } catch (SQLException e) {
            // a broken connection is discarded by its pool, and the next borrower resets it anyway
        }
    }

    /**
     * Executes one migration statement under the watch. A statement whose lock waits block nobody
     * ({@link Dialect#waitsWithoutBlocking}, e.g. CREATE INDEX CONCURRENTLY) runs with the lock timeout lifted.
     */
    void execute(SqlSession session, String sql) throws SQLException {
        startedNanos = nanoTime.getAsLong();
        String lift = dialect == null || limits.lockTimeout().isZero() || !dialect.waitsWithoutBlocking(sql)
                ? null : dialect.lockTimeout(Duration.ZERO);
        if (lift == null) {
            watch.execute(session, sql);
            return;
        }
        session.execute(lift);
        String restore = dialect.lockTimeout(limits.lockTimeout());
        try {
            session.execute(sql);
        } catch (SQLException e) {
            try {
                session.execute(restore);
            } catch (SQLException ignored) {
                // the statement's failure is what matters; the borrow's end resets the session
            }
            throw e;
        }
        session.execute(restore);
    }

    /**
     * {@code session.transaction(statements)}: a revision's whole transaction, in one round trip where the
     * session pipelines, watched like {@link #execute} for as long as it runs.
     */
    void transaction(SqlSession session, List<String> statements) throws SQLException {
        startedNanos = nanoTime.getAsLong();
        watch.run(statements.isEmpty() ? "" : statements.get(0), () -> session.transaction(statements));
    }

    /**
     * The failure of statement {@code index} (line {@code line}) of {@code revision}, classified; a lock
     * timeout carries the blockers seen while it waited (its attempts are set once it is reported).
     */
    StepError failure(String revision, Integer index, Integer line, SQLException e) {
        if (dialect != null && dialect.isLockTimeout(e)) {
            return new StepError(revision, index, line, e.getSQLState(), e.getMessage(), ErrorKind.LOCK_TIMEOUT,
                    null, watch.seen());
        }
        if (dialect != null && dialect.isStatementTimeout(e, statementTimeout,
                Duration.ofNanos(nanoTime.getAsLong() - startedNanos))) {
            return new StepError(revision, index, line, e.getSQLState(), e.getMessage() + " (statement_timeout "
                    + StatementLimits.seconds(statementTimeout) + "); raise 'statement_timeout' in drover.ini, or give "
                    + "this revision its own with '-- statement_timeout: SECONDS' (0: none) in its header",
                    ErrorKind.STATEMENT_TIMEOUT, null, List.of());
        }
        return new StepError(revision, index, line, e.getSQLState(), e.getMessage());
    }

    /** A new unit: its attempts are counted from 1. */
    Unit unit() {
        return new Unit();
    }

    /** What one lock-timeout retry runs again, and how often it has run. */
    final class Unit {
        private int attempt = 1;

        /**
         * After {@code error} ended an attempt: for a lock timeout with retries left, undoes the attempt
         * (releasing its locks before the pause), waits the backoff and returns {@code null} (run the unit
         * again); otherwise returns the error to report. A lock timeout that is reported says how many
         * attempts were made, what blocked them, {@code aftermath} (what the failure left behind) and what
         * to do; an error already reported by an inner unit passes through unchanged.
         */
        StepError retryOrReport(StepError error, String aftermath, Undo undo) {
            if (!error.is(ErrorKind.LOCK_TIMEOUT) || error.attempts() != null) {
                return error;
            }
            if (attempt <= limits.lockRetries() && undo.run() && backoff.pause(attempt)) {
                attempt++;
                retries++;
                return null;
            }
            return new StepError(error.revision(), error.statement(), error.line(), error.sqlState(),
                    gaveUp(error, attempt, aftermath), ErrorKind.LOCK_TIMEOUT, attempt, error.blockers());
        }
    }

    private String gaveUp(StepError error, int attempts, String aftermath) {
        String blockers = error.blockers().isEmpty() ? ""
                : "; blocked by " + error.blockers().stream().map(Blocker::describe).collect(Collectors.joining(", "));
        return "lock timeout: statement " + error.statement() + " of revision '" + error.revision()
                + "' could not get its lock within lock_timeout " + StatementLimits.seconds(limits.lockTimeout())
                + " on " + (attempts == 1 ? "its only attempt" : "any of " + attempts + " attempts") + blockers + " ("
                + error.message() + "); " + aftermath + "; run the command again once the blocking session is gone, "
                + "or raise 'lock_timeout' / 'lock_retries'";
    }

    /** Lock-timeout retries since the last call (for the step that just committed). */
    int takeRetries() {
        int n = retries;
        retries = 0;
        return n;
    }

    /**
     * Statements giving {@code step} its own statement timeout (its script header), run before its first
     * statement: {@code SET LOCAL} inside a transaction, the session's setting outside one. Empty when the
     * step has none or the database cannot set one.
     */
    List<String> enterStep(PreparedStep step, boolean inTransaction) {
        statementTimeout = limits.statementTimeout();
        return step.statementTimeout() == null ? List.of() : timeout(step.statementTimeout(), inTransaction);
    }

    /** Statements restoring the target's statement timeout after {@code step} (see {@link #enterStep}). */
    List<String> leaveStep(PreparedStep step, boolean inTransaction) {
        return step.statementTimeout() == null ? List.of() : timeout(limits.statementTimeout(), inTransaction);
    }

    private List<String> timeout(Duration timeout, boolean local) {
        String sql = dialect == null ? null : dialect.statementTimeout(timeout, local);
        if (sql == null) {
            return List.of();
        }
        statementTimeout = timeout;
        statementTimeoutChanged |= !local;
        return List.of(sql);
    }
}
