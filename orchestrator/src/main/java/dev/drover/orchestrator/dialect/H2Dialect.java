package dev.drover.orchestrator.dialect;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** H2, the embedded default: DDL commits, a tenant is a schema selected with {@code SET SCHEMA}. */
public final class H2Dialect implements Dialect {

    /** H2's lock timeout of a new session (org.h2.engine.Constants.INITIAL_LOCK_TIMEOUT). */
    static final int INITIAL_LOCK_TIMEOUT_MS = 2000;

    H2Dialect() {}

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean mysqlSyntax() {
        return false;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public List<String> selectTenant(String schema, List<String> searchPath) {
        return schema == null ? List.of() : List.of("SET SCHEMA " + quote(schema));
    }

    @Override
    public List<String> resetTenant(String jdbcUrl) {
        return List.of("SET SCHEMA PUBLIC");
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
    }

    @Override
    public String now() {
        return "LOCALTIMESTAMP";
    }

    /** H2's session settings, in milliseconds; H2's own lock timeout stays when no lock timeout is set. */
    @Override
    public List<String> sessionLimits(Duration lockTimeout, Duration statementTimeout) {
        List<String> sql = new ArrayList<>();
        if (!lockTimeout.isZero()) {
            sql.add("SET LOCK_TIMEOUT " + PostgresDialect.millis(lockTimeout));
        }
        if (!statementTimeout.isZero()) {
            sql.add(statementTimeout(statementTimeout, false));
        }
        return sql;
    }

    /** Back to H2's initial lock timeout (2000 ms) and no query timeout. */
    @Override
    public List<String> clearSessionLimits(boolean lockTimeout, boolean statementTimeout) {
        List<String> sql = new ArrayList<>();
        if (lockTimeout) {
            sql.add("SET LOCK_TIMEOUT " + INITIAL_LOCK_TIMEOUT_MS);
        }
        if (statementTimeout) {
            sql.add("SET QUERY_TIMEOUT 0");
        }
        return sql;
    }

    @Override
    public String statementTimeout(Duration timeout, boolean local) {
        return "SET QUERY_TIMEOUT " + PostgresDialect.millis(timeout);
    }

    /** H2 error 50200: timeout trying to lock a table or row. */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 50200;
    }

    /** H2 error 57014: statement cancelled (the query timeout); Drover's own interrupt carries no vendor code. */
    @Override
    public boolean isStatementTimeout(SQLException e) {
        return e.getErrorCode() == 57014;
    }

    @Override
    public Optional<String> twoPhaseRefusal() {
        return Optional.of("two-phase commit is PostgreSQL only: H2 commits DDL implicitly, so a prepared "
                + "transaction could not hold a revision; remove 'two_phase = true' from this section");
    }
}
