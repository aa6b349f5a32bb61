package dev.drover.orchestrator.sql;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.graph.VersionDelta;
import dev.drover.orchestrator.runtime.MigrationEngine;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.PlanPreparer;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.runtime.StepRunner;
import dev.drover.orchestrator.store.VersionStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the SQL an online run would execute for one target (Alembic's {@code --sql}): tenant
 * selection, version/history table DDL, then every step with its statements, version-table rows,
 * history rows and {@code BEGIN}/{@code COMMIT} blocks per the target's transaction mode. The header
 * names the database the script is for; on MariaDB/MySQL the script also starts with a {@code USE}
 * of it, so it runs right whatever database the client is connected to.
 * Deterministic: no timestamps (the database's clock expression is written instead), no URL, no
 * credentials; the run id is the caller's. The result runs with {@code psql -v ON_ERROR_STOP=1 -f}
 * or the {@code mariadb} client.
 */
public final class OfflineSqlWriter {

    /** {@code jdbc:postgresql://host:port/DATABASE?...} and the like (not H2's {@code jdbc:h2:file:...}). */
    private static final Pattern URL_DATABASE = Pattern.compile("^jdbc:[a-z0-9]+://[^/?;]*/([^?;/]+)");

    private OfflineSqlWriter() {}

    /**
     * The script for migrating {@code target} along {@code plan} (upgrade or downgrade steps).
     *
     * @param title    what the header says was asked, e.g. {@code upgrade base:head}
     * @throws RuntimeException from placeholder rendering (undefined placeholder, names file and line)
     */
    public static String migration(MigrationTarget target, ScriptSource scripts, List<MigrationStep> plan,
            String runId, String title) {
        WritingSession session = prologue(target);
        VersionStore store = MigrationEngine.store(target);
        new StepRunner(session, store, target.dialect().transactionalDdl(), target.transactionPerMigration(), runId)
                .run(PlanPreparer.prepare(target, scripts, plan));
        return render(target, runId, title, session.statements());
    }

    /** The script for a stamp: the version-table delta (and clearing started markers) in one transaction. */
    public static String stamp(MigrationTarget target, VersionDelta delta, String runId, String title) {
        WritingSession session = prologue(target);
        VersionStore store = MigrationEngine.store(target);
        session.begin();
        store.applyDelta(delta).forEach(session::execute);
        session.execute(store.markStartedRepaired());
        session.commit();
        return render(target, runId, title, session.statements());
    }

    private static WritingSession prologue(MigrationTarget target) {
        WritingSession session = new WritingSession(target.dialect());
        if (target.tenantSchema() == null && target.dialect().mysqlSyntax()) {
            // the database the online run connects to, from the URL (a tenant's own USE follows otherwise)
            target.dialect().resetTenant(target.jdbcUrl()).forEach(session::execute);
        }
        try {
            MigrationEngine.enterTenant(target, session, target.createSchema());
        } catch (SQLException e) {
            throw new IllegalStateException("a writing session does not fail", e);
        }
        MigrationEngine.store(target).createTables().forEach(session::execute);
        return session;
    }

    private static String render(MigrationTarget target, String runId, String title, List<String> statements) {
        Objects.requireNonNull(runId, "runId");
        StringBuilder out = new StringBuilder();
        out.append("-- Drover offline SQL: ").append(oneLine(title)).append('\n');
        out.append("-- target '").append(oneLine(target.key())).append("' (").append(target.dialect().name())
                .append("), run '").append(oneLine(runId)).append("'\n");
        database(target).ifPresent(db -> out.append("-- database '").append(oneLine(db)).append("'\n"));
        out.append('\n');
        for (String sql : statements) {
            out.append(terminated(target, sql)).append('\n');
        }
        return out.toString();
    }

    /**
     * The database the script is for: the tenant's on MariaDB/MySQL ({@code USE} per tenant), else the
     * one the URL names; empty for URLs without one (H2 files, a MariaDB server URL without tenant).
     */
    private static Optional<String> database(MigrationTarget target) {
        if (target.dialect().mysqlSyntax() && target.tenantSchema() != null) {
            return Optional.of(target.tenantSchema());
        }
        Matcher m = URL_DATABASE.matcher(target.jdbcUrl());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Ends a statement with {@code ;}. For the MySQL client, a statement that itself contains
     * {@code ;} (a procedure body) is wrapped in a {@code DELIMITER} block; psql already understands
     * dollar quotes and string literals, so PostgreSQL bodies need nothing.
     */
    private static String terminated(MigrationTarget target, String sql) {
        String body = sql.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).stripTrailing();
        }
        if (target.dialect().mysqlSyntax() && body.contains(";")) {
            return "DELIMITER //\n" + body + "\n//\nDELIMITER ;";
        }
        return body + ";";
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
