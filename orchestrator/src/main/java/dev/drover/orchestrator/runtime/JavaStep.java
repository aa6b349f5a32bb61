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

    /** What a run did: the statements executed through the context, or the failure. */
    record Outcome(List<Statement> executed, StepError error) {}

    /**
     * Runs the migration in {@code step}'s direction on {@code session}.
     *
     * @return the statements it executed through its context, or its failure as the step's error
     * @throws ScriptFileException when it asked for a connection where there is none (offline SQL)
     */
    Outcome run(PreparedStep step, SqlSession session) {
        Context context = new Context(session);
        try {
            if (step.step().direction() == Direction.DOWNGRADE) {
                migration.downgrade(context);
            } else {
                migration.upgrade(context);
            }
            return new Outcome(context.executed, null);
        } catch (NoConnection e) {
            throw new ScriptFileException(step.fileLabel() + ": revision class '" + className + "' asked for a"
                    + " database connection, and offline SQL (--sql) has none; write its SQL only through"
                    + " context.execute(...) to make it writable offline, or run it online (or with --dry-run)");
        } catch (SQLException e) {
            return new Outcome(List.of(), new StepError(step.revision(), null, null, e.getSQLState(), failure(step, e)));
        } catch (Exception e) {
            return new Outcome(List.of(), StepError.of(step.revision(), failure(step, e)));
        }
    }

    private String failure(PreparedStep step, Exception e) {
        return "revision '" + step.revision() + "' (class " + className + ") failed: " + e;
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
