package dev.drover.orchestrator.runtime;

import dev.drover.migration.JavaMigration;
import dev.drover.migration.JavaMigrationContext;
import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.script.ScriptFileException;
import dev.drover.orchestrator.script.Statement;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Java revision prepared for one target: the class's instance and what its context tells it.
 *
 * @param className  the class, for messages
 * @param migration  its instance
 * @param tenant     the tenant, or {@code null}
 * @param schema     the tenant's schema (MariaDB: database), or {@code null}
 * @param database   the section
 * @param dialect    the dialect name
 * @param placeholders the target's placeholder values
 */
public record JavaStep(String className, JavaMigration migration, String tenant, String schema, String database,
        String dialect, Map<String, String> placeholders) {

    public JavaStep {
        placeholders = Map.copyOf(placeholders);
    }

    static JavaStep of(MigrationTarget target, JavaMigration migration) {
        return new JavaStep(migration.getClass().getName(), migration, target.placeholders().get("tenant"),
                target.tenantSchema(), target.placeholders().get("database"), target.dialect().name(),
                target.placeholders());
    }

    /**
     * Runs the migration in {@code direction} on {@code session} and returns the statements it executed
     * through its context.
     *
     * @throws ScriptFileException when it asked for a connection where there is none (offline SQL)
     * @throws Exception           whatever the migration threw
     */
    List<Statement> run(Direction direction, SqlSession session, String fileLabel) throws Exception {
        Context context = new Context(session);
        try {
            if (direction == Direction.DOWNGRADE) {
                migration.downgrade(context);
            } else {
                migration.upgrade(context);
            }
        } catch (NoConnection e) {
            throw new ScriptFileException(fileLabel + ": revision class '" + className + "' asked for a database"
                    + " connection, and offline SQL (--sql) has none; write its SQL only through context.execute(...)"
                    + " to make it writable offline, or run it online (or with --dry-run)");
        }
        return context.executed;
    }

    /** Offline SQL has no connection; unwinds the migration to the refusal above. */
    private static final class NoConnection extends UnsupportedOperationException {
        private static final long serialVersionUID = 1L;

        NoConnection(String message) {
            super(message);
        }
    }

    private final class Context implements JavaMigrationContext {
        private final SqlSession session;
        private final List<Statement> executed = new ArrayList<>();

        Context(SqlSession session) {
            this.session = session;
        }

        @Override
        public String tenant() {
            return tenant;
        }

        @Override
        public String schema() {
            return schema;
        }

        @Override
        public String database() {
            return database;
        }

        @Override
        public String dialect() {
            return dialect;
        }

        @Override
        public Map<String, String> placeholders() {
            return placeholders;
        }

        @Override
        public boolean offline() {
            try {
                session.connection();
                return false;
            } catch (SQLException e) {
                return true;
            }
        }

        @Override
        public void execute(String sql) throws SQLException {
            session.execute(sql);
            executed.add(new Statement(sql, 0));
        }

        @Override
        public Connection connection() {
            try {
                return session.connection();
            } catch (SQLException e) {
                throw new NoConnection("offline SQL has no connection for " + className);
            }
        }
    }
}
