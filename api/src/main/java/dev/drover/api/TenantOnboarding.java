package dev.drover.api;

import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.Cancellation;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.lock.HeldLock;
import dev.drover.orchestrator.lock.LockIdentity;
import dev.drover.orchestrator.lock.LockTimeoutException;
import dev.drover.orchestrator.lock.TargetLocks;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.runtime.SessionFactory;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.registry.RegistryTarget;
import dev.drover.registry.Tenancy;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * Adds and removes one tenant. Creation, migration and the undo of a failed creation happen under an
 * onboarding lock of the tenant (the target lock's mechanism on a sibling identity), so two onboardings of
 * one name take turns and only the one that created the schema ever drops it. The migration itself takes the
 * ordinary target lock, so a fleet run at the same moment excludes it as usual.
 *
 * <p>All or nothing, one of two ways ({@link Onboarding#oneTransaction()}):
 * <ul>
 *   <li>one transaction: a new schema on PostgreSQL whose revisions are all transactional, with its version tables
 *       in it, outside a two-phase section: {@code CREATE SCHEMA}, the version and history tables, every revision
 *       and the fleet ledger's row commit together ({@link MigrationTarget#setupInRunTransaction()}), so a failure
 *       is undone by the rollback alone and no other session sees the schema before the COMMIT;</li>
 *   <li>otherwise (MariaDB and H2 commit DDL at once; {@code CREATE DATABASE} cannot run in a transaction; a
 *       {@code transactional: false} revision commits on its own): the schema or database ({@link TenantHome}) is
 *       created first, the revisions run in one transaction for the whole run (as {@code
 *       transaction_per_migration = false}), and when the run fails what this call created is dropped with
 *       everything in it.</li>
 * </ul>
 * A schema or database that existed before is never dropped; the report then says exactly which revisions did
 * commit.
 */
final class TenantOnboarding {

    private final Function<RegistryTarget, Fleet> fleets;
    private final FleetListener listener;

    TenantOnboarding(Function<RegistryTarget, Fleet> fleets, FleetListener listener) {
        this.fleets = fleets;
        this.listener = listener;
    }

    Onboarding onboard(RegistryTarget target) {
        try (Fleet fleet = fleets.apply(target).adjust(t -> t.withTransactionPerMigration(false));
                SessionFactory sessions = SessionFactory.pooled(2)) {
            MigrationTarget migration = fleet.targets().get(0).target();
            TenantHome home = TenantHome.of(target, migration);
            try (HeldLock held = lock(sessions, home == null ? migration : home.admin(), migration)) {
                boolean created = home != null && target.createSchema() && !exists(sessions, home);
                boolean oneTransaction = created && oneTransaction(target, home, fleet.targets().get(0));
                if (oneTransaction) {
                    fleet.adjust(t -> t.withSetupInRunTransaction(true));
                } else if (created) {
                    execute(sessions, home.admin(), home.create());
                }
                FleetReport report = Drover.report(fleet.run(FleetOperation.upgrade("heads"), fleet.defaultPolicy(1),
                        new ListenerAdapter(listener), new Cancellation()));
                if (report.succeeded() || !created) {
                    return new Onboarding(target.key(), home == null ? null : home.kind(), created, oneTransaction,
                            false, null, report);
                }
                return oneTransaction ? rolledBack(sessions, home, migration, report)
                        : undo(sessions, home, migration, report);
            }
        } catch (SQLException e) {
            throw new DroverException("cannot onboard '" + target.key() + "': " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + "); nothing was created; check that " + target.maskedUrl() + " is reachable", e);
        }
    }

    /**
     * Whether the new schema, its version tables and all of {@code fleetTarget}'s revisions (a new schema gets every
     * revision of the graph) can run in one transaction: PostgreSQL's transactional DDL, a schema inside the section's
     * database holding its own version tables, no two-phase group, no {@code transactional: false} revision.
     */
    private static boolean oneTransaction(RegistryTarget target, TenantHome home, FleetTarget fleetTarget) {
        MigrationTarget migration = fleetTarget.target();
        ScriptSource scripts = fleetTarget.scripts();
        return target.tenancy() == Tenancy.SCHEMA_PER_TENANT && migration.dialect().transactionalDdl()
                && !target.twoPhase() && home.name().equals(migration.versionSchema())
                && scripts.graph().revisions().stream().allMatch(r -> scripts.transactional(r.id()));
    }

    /**
     * After a failed one-transaction run: the schema is gone (rolled back), unless the run lost the answer to a COMMIT
     * that did land; then it is at head, and left to the user with the report's advice.
     */
    private Onboarding rolledBack(SessionFactory sessions, TenantHome home, MigrationTarget migration, FleetReport report) {
        String left;
        try {
            if (!exists(sessions, home)) {
                return new Onboarding(migration.key(), home.kind(), true, true, true, null, report);
            }
            left = home.describe() + " (its transaction committed, though the run lost the answer)";
        } catch (SQLException e) {
            left = home.describe() + " perhaps (whether it exists cannot be read: " + e.getMessage() + ")";
        }
        left += "; run 'drover " + migration.selector() + " current' to see its heads, then keep it or remove it with"
                + " 'drover tenant remove'";
        listener.warning("onboarding '" + migration.key() + "' failed and left " + left);
        return new Onboarding(migration.key(), home.kind(), true, true, false, left, report);
    }

    private Onboarding undo(SessionFactory sessions, TenantHome home, MigrationTarget migration, FleetReport report) {
        try {
            execute(sessions, home.admin(), home.drop());
            return new Onboarding(migration.key(), home.kind(), true, false, true, null, report);
        } catch (SQLException e) {
            String left = home.describe() + " (DROP failed: " + e.getMessage() + "); drop it by hand";
            listener.warning("onboarding '" + migration.key() + "' failed and left " + left);
            return new Onboarding(migration.key(), home.kind(), true, false, false, left, report);
        }
    }

    Offboarding offboard(RegistryTarget target, boolean drop) {
        try (Fleet fleet = fleets.apply(target); SessionFactory sessions = SessionFactory.pooled(2)) {
            MigrationTarget migration = fleet.targets().get(0).target();
            TenantHome home = TenantHome.of(target, migration);
            if (home == null) {
                throw new DroverException("tenant '" + target.tenant() + "' of section [" + target.sectionName() + "] is"
                        + " not a schema or database Drover can drop (an H2 database per tenant, or a single target);"
                        + " drop it with the database's own tools", null);
            }
            try (HeldLock onboarding = lock(sessions, home.admin(), migration)) {
                boolean existed = exists(sessions, home);
                if (existed && drop) {
                    dropUnlessRunning(sessions, home, migration);
                }
                return new Offboarding(target.key(), home.kind(), home.name(), existed, existed && drop);
            }
        } catch (SQLException e) {
            throw new DroverException("cannot remove '" + target.key() + "': " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + "); check that " + target.maskedUrl() + " is reachable", e);
        }
    }

    /**
     * Drops the tenant's home once no run holds its target lock. A schema is dropped while the lock is held; a
     * database of its own after it is released, because the lock's session is connected to it (a run that starts
     * in between is disconnected by the drop and reports the failure).
     */
    private static void dropUnlessRunning(SessionFactory sessions, TenantHome home, MigrationTarget migration)
            throws SQLException {
        try (HeldLock run = runLock(sessions, migration)) {
            if (home.admin() == migration) {
                execute(sessions, migration, home.drop());
                return;
            }
        }
        execute(sessions, home.admin(), home.drop());
    }

    /** The onboarding lock of {@code target}, held on a session of {@code on}. */
    private static HeldLock lock(SessionFactory sessions, MigrationTarget on, MigrationTarget target) throws SQLException {
        return acquire(sessions, on, new LockIdentity(target.key(), target.databaseAddress(), target.versionSchema(),
                target.versionTable() + "#onboarding"), "drover onboarding");
    }

    /** The target lock a migration takes: no run is half-way through a schema being dropped. */
    private static HeldLock runLock(SessionFactory sessions, MigrationTarget target) throws SQLException {
        return acquire(sessions, target, new LockIdentity(target.key(), target.databaseAddress(), target.versionSchema(),
                target.versionTable()), "drover offboarding");
    }

    private static HeldLock acquire(SessionFactory sessions, MigrationTarget target, LockIdentity identity,
            String holder) throws SQLException {
        SqlSession session = sessions.openForLock(target);
        try {
            HeldLock held = TargetLocks.forDialect(target.dialect()).acquire(identity, session, target.lockWait(), holder);
            return () -> {
                try {
                    held.close();
                } finally {
                    session.close();
                }
            };
        } catch (SQLException | RuntimeException e) {
            session.close();
            if (e instanceof LockTimeoutException timeout) {
                throw new DroverException(timeout.getMessage(), timeout);
            }
            throw e;
        }
    }

    private static boolean exists(SessionFactory sessions, TenantHome home) throws SQLException {
        try (SqlSession session = sessions.open(home.admin())) {
            return !session.query(home.existsQuery()).isEmpty();
        }
    }

    private static void execute(SessionFactory sessions, MigrationTarget target, String sql) throws SQLException {
        try (SqlSession session = sessions.open(target)) {
            session.execute(sql);
        }
    }
}
