package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.graph.VersionDelta;
import dev.drover.orchestrator.lock.HeldLock;
import dev.drover.orchestrator.lock.LockIdentity;
import dev.drover.orchestrator.lock.TargetLocks;
import dev.drover.orchestrator.store.HistoryRow;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionState;
import dev.drover.orchestrator.store.VersionStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one command on one target, blocking (call it from a worker thread, never an event loop):
 * lock, select the tenant, create the tables, re-read the heads, plan, refuse or validate, run.
 * It needs the graph only through the {@code planner} it is given.
 */
public final class MigrationEngine {

    private final SessionFactory sessions;
    private final Backoff backoff;
    private final FleetLedgers ledgers = new FleetLedgers();

    public MigrationEngine(SessionFactory sessions) {
        this(sessions, Backoff.standard());
    }

    /** @param backoff the pause before each lock-timeout retry */
    public MigrationEngine(SessionFactory sessions, Backoff backoff) {
        this.sessions = sessions;
        this.backoff = backoff;
    }

    /**
     * Migrates {@code target} along the plan {@code planner} computes from the heads read under the lock.
     *
     * @throws dev.drover.orchestrator.lock.LockTimeoutException when the target lock is not acquired in time
     * @throws SQLException when the database cannot be reached or the tables cannot be created/read
     */
    public TargetResult migrate(MigrationTarget target, ScriptSource scripts,
            Function<List<String>, List<MigrationStep>> planner, String runId) throws SQLException {
        return migrate(target, scripts, planner, runId, RevisionGate.OPEN);
    }

    /**
     * As {@link #migrate(MigrationTarget, ScriptSource, Function, String)}, asking {@code gate} before each
     * revision but the first (the fleet's throttle).
     *
     * @throws dev.drover.orchestrator.lock.LockTimeoutException when the target lock is not acquired in time
     * @throws SQLException when the database cannot be reached or the tables cannot be created/read
     */
    public TargetResult migrate(MigrationTarget target, ScriptSource scripts,
            Function<List<String>, List<MigrationStep>> planner, String runId, RevisionGate gate) throws SQLException {
        long start = System.nanoTime();
        if (setupInRunTransaction(target)) {
            return locked(target, runId, true, (session, store, guard) ->
                    migrateWithSetup(target, scripts, planner, runId, gate, session, store, guard, start));
        }
        return locked(target, runId, (session, store, guard) -> {
            Planned planned = plan(target, scripts, planner, session, store, start);
            if (planned.early() != null) {
                return planned.early();
            }
            List<String> from = planned.from();
            List<PreparedStep> prepared = planned.steps();
            StepRunner runner = StepRunner.online(session, store, target.dialect(), target.transactionPerMigration(),
                    runId).closingWith(ledgers.closing(target, session, store, runId)).guarded(guard, gate)
                    .resuming(planned.resume());
            StepError error = runner.run(prepared);
            return settled(target, session, store, runId, from, prepared, runner, error, start);
        });
    }

    /** {@link MigrationTarget#setupInRunTransaction()} applies: one transaction per run, transactional DDL. */
    private static boolean setupInRunTransaction(MigrationTarget target) {
        return target.setupInRunTransaction() && !target.transactionPerMigration() && target.dialect().transactionalDdl();
    }

    /**
     * The run of a target whose setup joins the run's one transaction ({@link MigrationTarget#setupInRunTransaction}):
     * BEGIN, the setup, the plan's read, every revision, the fleet ledger's row, COMMIT. The ledger is installed
     * before the BEGIN (its failure must not abort the transaction). A refusal, a failing setup or revision, or a
     * {@code transactional: false} revision rolls all of it back.
     */
    private TargetResult migrateWithSetup(MigrationTarget target, ScriptSource scripts,
            Function<List<String>, List<MigrationStep>> planner, String runId, RevisionGate gate, SqlSession session,
            VersionStore store, StatementGuard guard, long start) throws SQLException {
        List<String> closing = ledgers.closing(target, session, store, runId);
        List<String> setup = setupStatements(target, store);
        Planned planned;
        try {
            session.begin(setup);
            planned = plan(target, scripts, planner, session, store, start);
        } catch (SQLException | RuntimeException e) {
            try {
                session.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        TargetResult early = planned.early() != null ? planned.early() : nonTransactional(target, planned, start);
        if (early != null) {
            if (early.status() == TargetStatus.UNCHANGED) {
                session.commit(); // nothing to run: the setup alone, as an ordinary run leaves it
            } else {
                session.rollback();
            }
            return early;
        }
        StepRunner runner = StepRunner.online(session, store, target.dialect(), false, runId).closingWith(closing)
                .guarded(guard, gate).joining(setup);
        StepError error = runner.run(planned.steps());
        if (error != null && rolledBackWithSetup(session, store)) {
            return result(target, TargetStatus.FAILED, planned.from(), planned.from(), start, List.of(), error);
        }
        return settled(target, session, store, runId, planned.from(), planned.steps(), runner, error, start);
    }

    /** A failure for the first {@code transactional: false} revision of the plan, which cannot join its setup. */
    private static TargetResult nonTransactional(MigrationTarget target, Planned planned, long start) {
        for (PreparedStep step : planned.steps()) {
            if (!step.transactional()) {
                return result(target, TargetStatus.FAILED, planned.from(), planned.from(), start, List.of(),
                        StepError.of(step.revision(), "revision '" + step.revision() + "' (" + step.fileLabel()
                                + ") says 'transactional: false', which cannot run in the one transaction that also"
                                + " creates the target's schema and version table; nothing was changed; make the"
                                + " script transactional, or create the schema first and run the command again"));
            }
        }
        return null;
    }

    /**
     * After a failed run whose setup joined its transaction: the version table is missing on the run's own working
     * session, which proves that the rollback took everything (a broken session says nothing: read back as usual).
     */
    private static boolean rolledBackWithSetup(SqlSession session, VersionStore store) {
        try {
            store.heads(session);
            return false;
        } catch (SQLException e) {
            return isMissingTable(e) || isMissingSchema(e);
        }
    }

    /** The run's result as the version table shows it (see {@link OutcomeReadBack#settle}). */
    private TargetResult settled(MigrationTarget target, SqlSession session, VersionStore store, String runId,
            List<String> from, List<PreparedStep> plan, StepRunner runner, StepError error, long start) {
        OutcomeReadBack back = OutcomeReadBack.read(sessions, target, store, session, runId,
                !runner.unacknowledged().isEmpty() || !runner.unsecured().isEmpty());
        OutcomeReadBack.Settled settled = back.settle(target, from, plan, runner, error);
        return result(target, settled.status(), from, settled.to(), start, settled.steps(), settled.error());
    }

    /**
     * Two-phase commit, first phase: like {@link #migrate}, but the whole plan runs in ONE transaction
     * that ends with {@code PREPARE TRANSACTION 'gid'} instead of {@code COMMIT}. The returned handle
     * keeps the target lock and the work connection until the caller decides
     * ({@link PreparedTarget#commitPrepared()} or {@link PreparedTarget#rollbackPrepared()}) and closes it.
     * A target already at the destination prepares nothing ({@link TargetStatus#UNCHANGED}); a refusal,
     * a failing statement or a failing {@code PREPARE} rolls back and gives {@link TargetStatus#FAILED}
     * (the handle still holds the lock until closed).
     *
     * @param gid the global transaction id (PostgreSQL: under 200 characters, no credentials)
     * @throws IllegalArgumentException when the target's dialect has no two-phase commit (the message says why)
     * @throws dev.drover.orchestrator.lock.LockTimeoutException when the target lock is not acquired in time
     * @throws SQLException when the database cannot be reached or the tables cannot be created/read
     */
    public PreparedTarget prepare(MigrationTarget target, ScriptSource scripts,
            Function<List<String>, List<MigrationStep>> planner, String runId, String gid) throws SQLException {
        if (!target.dialect().supportsTwoPhase()) {
            throw new IllegalArgumentException("target '" + target.key() + "': "
                    + target.dialect().twoPhaseRefusal().orElse("two-phase commit is unsupported"));
        }
        long start = System.nanoTime();
        LockedSession locked = lock(target, runId);
        try {
            return new PreparedTarget(locked, target, gid, prepareLocked(target, scripts, planner, runId, gid, locked, start));
        } catch (SQLException | RuntimeException e) {
            locked.close();
            throw e;
        }
    }

    private TargetResult prepareLocked(MigrationTarget target, ScriptSource scripts,
            Function<List<String>, List<MigrationStep>> planner, String runId, String gid, LockedSession locked,
            long start) throws SQLException {
        SqlSession session = locked.session();
        VersionStore store = locked.store();
        Planned planned = plan(target, scripts, planner, session, store, start);
        if (planned.early() != null) {
            return planned.early();
        }
        List<String> from = planned.from();
        List<PreparedStep> prepared = planned.steps();
        for (PreparedStep step : prepared) {
            if (!step.transactional()) {
                return result(target, TargetStatus.FAILED, from, from, start, List.of(), StepError.of(step.revision(),
                        "revision '" + step.revision() + "' (" + step.fileLabel() + ") says 'transactional: false', "
                                + "which cannot run inside a prepared (two-phase) transaction; make the script "
                                + "transactional or remove 'two_phase = true' from this section"));
            }
        }
        StepRunner runner = new StepRunner(session, store, true, false, runId).guarded(locked.guard(), RevisionGate.OPEN);
        StepError error = runner.runLeavingOpen(prepared);
        if (error != null) {
            return result(target, TargetStatus.FAILED, from, store.heads(session), start, List.of(), error);
        }
        List<String> to = store.heads(session);
        try {
            session.execute(target.dialect().prepareTransaction(gid));
        } catch (SQLException e) {
            return result(target, TargetStatus.FAILED, from, from, start, List.of(), new StepError(null, null, null,
                    e.getSQLState(), "PREPARE TRANSACTION failed on target '" + target.key() + "': " + e.getMessage()
                            + "; a two-phase revision may not use temporary tables, WITH HOLD cursors or "
                            + "LISTEN/NOTIFY, and the server needs free prepared-transaction slots "
                            + "(max_prepared_transactions); change the revision or the server setting and run again"));
        } finally {
            // PREPARE ended the transaction block (or its failure aborted it); this only clears the
            // session's transaction flag: PostgreSQL answers a ROLLBACK outside a transaction with a warning.
            session.rollback();
        }
        return result(target, TargetStatus.SUCCEEDED, from, to, start, runner.pending(), null);
    }

    /**
     * Rewrites the version table with the delta {@code planner} computes from the current heads, without
     * running any script; also clears 'started' markers (the documented repair of a half-applied revision).
     */
    public TargetResult stamp(MigrationTarget target, Function<List<String>, VersionDelta> planner, String runId)
            throws SQLException {
        long start = System.nanoTime();
        return locked(target, runId, (session, store, guard) -> {
            List<String> from = store.heads(session);
            VersionDelta delta = planner.apply(from);
            boolean markers = !store.unfinished(session).isEmpty();
            if (delta.isEmpty() && !markers) {
                return result(target, TargetStatus.UNCHANGED, from, from, start, List.of(), null);
            }
            List<String> closing = ledgers.closing(target, session, store, runId);
            session.begin();
            try {
                for (String sql : store.applyDelta(delta)) {
                    session.execute(sql);
                }
                session.execute(store.markStartedRepaired());
                session.commit(closing);
            } catch (SQLException e) {
                session.rollback();
                OutcomeReadBack back = OutcomeReadBack.read(sessions, target, store, session, runId, false);
                List<String> expected = delta.applyTo(from);
                if (back.known() && !expected.equals(from) && back.heads().equals(expected)) {
                    // the COMMIT's answer was lost but the version table shows the stamp
                    return result(target, TargetStatus.SUCCEEDED, from, back.heads(), start, List.of(), null);
                }
                return result(target, TargetStatus.FAILED, from, back.known() ? back.heads() : from, start, List.of(),
                        new StepError(null, null, null, e.getSQLState(), e.getMessage() + (back.known() ? ""
                                : "; whether the stamp committed is unknown because the version table could not be read "
                                        + "back; run 'drover current' for target '" + target.key() + "' to see its heads")));
            }
            return result(target, TargetStatus.SUCCEEDED, from, store.heads(session), start, List.of(), null);
        });
    }

    /**
     * Accepts the current script of every applied revision whose checksum changed since it ran
     * (Flyway's {@code repair}): under the target lock, one {@code accepted} history row per such
     * revision, carrying the new checksum and this run's id, in one transaction. Runs no script and
     * leaves the version table and half-applied markers alone. The result's steps are the accepted
     * revisions (no statements); {@link TargetStatus#UNCHANGED} when nothing changed.
     *
     * @throws dev.drover.orchestrator.lock.LockTimeoutException when the target lock is not acquired in time
     * @throws SQLException when the database cannot be reached or the tables cannot be created/read
     */
    public TargetResult repair(MigrationTarget target, ScriptSource scripts, String runId) throws SQLException {
        long start = System.nanoTime();
        return locked(target, runId, (session, store, guard) -> {
            List<String> heads = store.heads(session);
            List<HistoryRow> changed = scripts.changedSince(store.history(session));
            if (changed.isEmpty()) {
                return result(target, TargetStatus.UNCHANGED, heads, heads, start, List.of(), null);
            }
            List<String> closing = ledgers.closing(target, session, store, runId);
            session.begin();
            try {
                for (HistoryRow row : changed) {
                    session.execute(store.insertAccepted(row.revision(), scripts.checksum(row.revision()), runId));
                }
                session.commit(closing);
            } catch (SQLException e) {
                session.rollback();
                return result(target, TargetStatus.FAILED, heads, heads, start, List.of(), new StepError(null, null,
                        null, e.getSQLState(), e.getMessage() + "; the new checksums may or may not be recorded: run "
                                + "'drover " + target.selector() + " repair' again (it accepts only what is still changed)"));
            }
            return result(target, TargetStatus.SUCCEEDED, heads, heads, start, changed.stream()
                    .map(row -> new StepResult(row.revision(), Direction.UPGRADE, 0, 0)).toList(), null);
        });
    }

    /**
     * The target's heads, sorted (empty: base, also when the version table or the tenant schema does
     * not exist yet). Takes no lock and creates nothing.
     */
    public List<String> current(MigrationTarget target) throws SQLException {
        try (SqlSession session = sessions.open(target)) {
            try {
                selectTenant(target, session, false);
            } catch (SQLException e) {
                if (isMissingSchema(e)) {
                    return List.of();
                }
                throw e;
            }
            try {
                return store(target).heads(session);
            } catch (SQLException e) {
                if (isMissingTable(e)) {
                    return List.of();
                }
                throw e;
            }
        }
    }

    private interface LockedWork {
        TargetResult run(SqlSession session, VersionStore store, StatementGuard guard) throws SQLException;
    }

    private TargetResult locked(MigrationTarget target, String runId, LockedWork work) throws SQLException {
        return locked(target, runId, false, work);
    }

    /** @param setupLater the work runs the setup ({@link #setupStatements}) itself, e.g. in its transaction */
    private TargetResult locked(MigrationTarget target, String runId, boolean setupLater, LockedWork work)
            throws SQLException {
        try (LockedSession locked = lock(target, runId, setupLater)) {
            return work.run(locked.session(), locked.store(), locked.guard());
        }
    }

    /** Takes the target lock, opens a work session, selects the tenant and creates the tables; closes all on failure. */
    private LockedSession lock(MigrationTarget target, String runId) throws SQLException {
        return lock(target, runId, false);
    }

    /** As {@link #lock(MigrationTarget, String)}; with {@code setupLater} the work session is only reset and labelled. */
    private LockedSession lock(MigrationTarget target, String runId, boolean setupLater) throws SQLException {
        TargetLocks locks = TargetLocks.forDialect(target.dialect());
        LockIdentity identity = new LockIdentity(target.key(), target.databaseAddress(), target.versionSchema(),
                target.versionTable());
        SqlSession lockSession = sessions.openForLock(target);
        HeldLock held = null;
        SqlSession session = null;
        StatementGuard guard = StatementGuard.NONE;
        try {
            held = locks.acquire(identity, lockSession, target.lockWait(), "drover " + runId);
            session = sessions.open(target);
            VersionStore store = store(target);
            String label = StatementGuard.label(runId);
            guard = StatementGuard.forTarget(target, lockSession, label, backoff);
            // The reset comes first: on PostgreSQL it is RESET ALL, which the label and limits must follow.
            List<String> setup = new ArrayList<>(target.dialect().resetTenant(target.jdbcUrl()));
            setup.addAll(StatementGuard.sessionStatements(target, label));
            if (!setupLater) {
                setup.addAll(setupStatements(target, store));
            }
            session.execute(setup);
            return new LockedSession(lockSession, held, session, store, guard);
        } catch (SQLException | RuntimeException e) {
            new LockedSession(lockSession, held, session, null, guard).close();
            throw e;
        }
    }

    /** A locked target's setup: create the schemas (when asked), select the tenant, create the tables. */
    private static List<String> setupStatements(MigrationTarget target, VersionStore store) {
        List<String> setup = new ArrayList<>(enterStatements(target, target.createSchema()));
        setup.addAll(store.createTables());
        return setup;
    }

    /**
     * What a locked target will run: its heads, and either the prepared steps (with the statements already
     * committed of a revision a timeout stopped, by {@code revision/direction}) or a result that ends the run
     * before anything executes (a refusal, nothing to do, or a plan that cannot be rendered).
     */
    private record Planned(List<String> from, List<PreparedStep> steps, Map<String, Integer> resume,
            TargetResult early) {
        static Planned early(List<String> from, TargetResult result) {
            return new Planned(from, List.of(), Map.of(), result);
        }
    }

    private static Planned plan(MigrationTarget target, ScriptSource scripts,
            Function<List<String>, List<MigrationStep>> planner, SqlSession session, VersionStore store, long start)
            throws SQLException {
        VersionState state = store.state(session);
        List<String> from = state.heads();
        List<HistoryRow> history = state.history();
        List<MigrationStep> plan;
        try {
            plan = planner.apply(from);
        } catch (RuntimeException e) {
            Optional<StepError> refusal = refusal(target, scripts, history, from, List.of());
            return Planned.early(from, result(target, TargetStatus.FAILED, from, from, start, List.of(),
                    refusal.orElse(StepError.of(null, e.getMessage()))));
        }
        Optional<StepError> refusal = refusal(target, scripts, history, from, plan);
        if (refusal.isPresent()) {
            return Planned.early(from, result(target, TargetStatus.FAILED, from, from, start, List.of(), refusal.get()));
        }
        if (plan.isEmpty()) {
            return Planned.early(from, result(target, TargetStatus.UNCHANGED, from, from, start, List.of(), null));
        }
        try {
            return new Planned(from, PlanPreparer.prepare(target, scripts, plan), Resumable.of(scripts, history, plan),
                    null);
        } catch (RuntimeException e) {
            return Planned.early(from, result(target, TargetStatus.FAILED, from, from, start, List.of(),
                    StepError.of(null, e.getMessage())));
        }
    }

    /** A revision left half-way (one a timeout stopped counts unless the plan resumes it), or a changed script. */
    private static Optional<StepError> refusal(MigrationTarget target, ScriptSource scripts, List<HistoryRow> history,
            List<String> from, List<MigrationStep> plan) {
        return Refusals.halfApplied(target, scripts, Resumable.unfinished(scripts, history, plan), from)
                .or(() -> Refusals.changedScripts(target, scripts, history));
    }

    /** Resets whatever tenant an earlier borrower selected on this pooled connection, then selects the target's. */
    static void selectTenant(MigrationTarget target, SqlSession session, boolean create) throws SQLException {
        session.execute(tenantStatements(target, create));
    }

    /** Creates the tenant (and version table) schema when {@code create}, then selects the tenant. */
    public static void enterTenant(MigrationTarget target, SqlSession session, boolean create) throws SQLException {
        session.execute(enterStatements(target, create));
    }

    /** The reset of an earlier borrower's tenant, then {@link #enterStatements}. */
    private static List<String> tenantStatements(MigrationTarget target, boolean create) {
        List<String> statements = new ArrayList<>(target.dialect().resetTenant(target.jdbcUrl()));
        statements.addAll(enterStatements(target, create));
        return statements;
    }

    private static List<String> enterStatements(MigrationTarget target, boolean create) {
        List<String> statements = new ArrayList<>();
        if (create && target.tenantSchema() != null) {
            statements.add(target.dialect().createSchema(target.tenantSchema()));
        }
        if (create && target.versionTableSchema() != null) {
            statements.add(target.dialect().createSchema(target.versionTableSchema()));
        }
        statements.addAll(target.dialect().selectTenant(target.tenantSchema(), target.searchPath()));
        return statements;
    }

    public static VersionStore store(MigrationTarget target) {
        return new VersionStore(target.dialect(), target.versionSchema(), target.versionTable(), target.historyTable());
    }

    /** The tenant schema (MariaDB: database) does not exist yet: nothing has been applied. */
    private static boolean isMissingSchema(SQLException e) {
        return "3F000".equals(e.getSQLState()) || "90079".equals(e.getSQLState()) || e.getErrorCode() == 1049;
    }

    private static boolean isMissingTable(SQLException e) {
        return "42P01".equals(e.getSQLState()) || "42S02".equals(e.getSQLState());
    }

    private static TargetResult result(MigrationTarget target, TargetStatus status, List<String> from, List<String> to,
            long startNanos, List<StepResult> steps, StepError error) {
        return new TargetResult(target.key(), status, from, to, (System.nanoTime() - startNanos) / 1_000_000, steps, error);
    }
}
