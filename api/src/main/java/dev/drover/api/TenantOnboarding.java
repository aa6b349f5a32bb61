package dev.drover.api;

import dev.drover.env.Fleet;
import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.fleet.Cancellation;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.lock.HeldLock;
import dev.drover.orchestrator.lock.LockIdentity;
import dev.drover.orchestrator.lock.LockTimeoutException;
import dev.drover.orchestrator.lock.TargetLocks;
import dev.drover.orchestrator.runtime.MigrationTarget;
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
 * <p>All or nothing: the revisions run in one transaction for the whole run (as {@code
 * transaction_per_migration = false}), so on PostgreSQL a failure rolls every revision back together, and no
 * other session ever sees the tenant half-migrated (a {@code transactional: false} revision commits on its
 * own, as in any run). The schema is created before that transaction, and MariaDB and H2 commit DDL at once;
 * so when the run fails, the schema this call created is dropped with everything in it. A schema that existed
 * before is never dropped; the report then says exactly which revisions did commit.
 */
final class TenantOnboarding {

    private final Function<RegistryTarget, Fleet> fleets;
    private final FleetListener listener;

    TenantOnboarding(Function<RegistryTarget, Fleet> fleets, FleetListener listener) {
        this.fleets = fleets;
        this.listener = listener;
    }

    Onboarding onboard(RegistryTarget target) {
        String schema = container(target);
        try (Fleet fleet = fleets.apply(target).adjust(t -> t.withTransactionPerMigration(false));
                SessionFactory sessions = SessionFactory.pooled(2)) {
            MigrationTarget migration = fleet.targets().get(0).target();
            try (HeldLock held = lock(sessions, migration)) {
                boolean created = schema != null && target.createSchema() && !exists(sessions, migration, schema);
                if (created) {
                    execute(sessions, migration, migration.dialect().createSchema(schema));
                }
                FleetReport report = Drover.report(fleet.run(FleetOperation.upgrade("heads"), fleet.defaultPolicy(1),
                        new ListenerAdapter(listener), new Cancellation()));
                if (report.succeeded() || !created) {
                    return new Onboarding(target.key(), created, false, null, report);
                }
                return undo(sessions, migration, schema, report);
            }
        } catch (SQLException e) {
            throw new DroverException("cannot onboard '" + target.key() + "': " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + "); nothing was created; check that " + target.maskedUrl() + " is reachable", e);
        }
    }

    private Onboarding undo(SessionFactory sessions, MigrationTarget migration, String schema, FleetReport report) {
        try {
            execute(sessions, migration, migration.dialect().dropSchema(schema));
            return new Onboarding(migration.key(), true, true, null, report);
        } catch (SQLException e) {
            String left = "schema '" + schema + "' (DROP failed: " + e.getMessage() + "); drop it by hand";
            listener.warning("onboarding '" + migration.key() + "' failed and left " + left);
            return new Onboarding(migration.key(), true, false, left, report);
        }
    }

    Offboarding offboard(RegistryTarget target, boolean drop) {
        String schema = container(target);
        if (schema == null) {
            throw new DroverException("tenant '" + target.tenant() + "' of section [" + target.sectionName() + "] is a"
                    + " database named in the url, which Drover does not drop; drop it with the database's own tools", null);
        }
        try (Fleet fleet = fleets.apply(target); SessionFactory sessions = SessionFactory.pooled(2)) {
            MigrationTarget migration = fleet.targets().get(0).target();
            try (HeldLock onboarding = lock(sessions, migration); HeldLock run = runLock(sessions, migration)) {
                boolean existed = exists(sessions, migration, schema);
                if (existed && drop) {
                    execute(sessions, migration, migration.dialect().dropSchema(schema));
                }
                return new Offboarding(target.key(), schema, existed, existed && drop);
            }
        } catch (SQLException e) {
            throw new DroverException("cannot remove '" + target.key() + "': " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + "); check that " + target.maskedUrl() + " is reachable", e);
        }
    }

    /** The schema (MariaDB: database) holding the tenant, or {@code null} when the url names its database. */
    private static String container(RegistryTarget target) {
        return target.tenancy() == Tenancy.SCHEMA_PER_TENANT || target.tenancy() == Tenancy.USE_DATABASE_PER_TENANT
                ? target.tenant() : null;
    }

    private static HeldLock lock(SessionFactory sessions, MigrationTarget target) throws SQLException {
        return acquire(sessions, target, new LockIdentity(target.key(), target.databaseAddress(), target.versionSchema(),
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

    private static boolean exists(SessionFactory sessions, MigrationTarget target, String schema) throws SQLException {
        Dialect dialect = target.dialect();
        try (SqlSession session = sessions.open(target)) {
            return !session.query(dialect.schemaExists(schema)).isEmpty();
        }
    }

    private static void execute(SessionFactory sessions, MigrationTarget target, String sql) throws SQLException {
        try (SqlSession session = sessions.open(target)) {
            session.execute(sql);
        }
    }
}
