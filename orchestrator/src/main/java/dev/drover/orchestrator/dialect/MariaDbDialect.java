package dev.drover.orchestrator.dialect;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MariaDB and MySQL: DDL commits implicitly, a tenant is a database selected with {@code USE}. */
public final class MariaDbDialect implements Dialect {

    /** The database part of {@code jdbc:mariadb://host:port/db?params}. */
    private static final Pattern DATABASE = Pattern.compile("^jdbc:(?:mariadb|mysql)://[^/?]*/([^?;/]+)");

    MariaDbDialect() {}

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public boolean mysqlSyntax() {
        return true;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** Backslashes escape in MySQL string literals, so they are doubled too. */
    @Override
    public String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public String asText(String column) {
        return "CAST(" + column + " AS CHAR)";
    }

    @Override
    public List<String> selectTenant(String schema, List<String> searchPath) {
        return schema == null ? List.of() : List.of("USE " + quote(schema));
    }

    @Override
    public List<String> resetTenant(String jdbcUrl) {
        Matcher m = DATABASE.matcher(jdbcUrl);
        return m.find() ? List.of("USE " + quote(m.group(1))) : List.of();
    }

    /**
     * A locking read waits for every uncommitted insert, update or delete of the rows it scans; SET
     * STATEMENT bounds the wait without leaving a session setting on the pooled connection.
     */
    @Override
    public List<String> awaitWriters(String qualifiedTable, Duration wait) {
        return List.of("SET STATEMENT innodb_lock_wait_timeout = " + Math.max(1, wait.toSeconds())
                + " FOR SELECT COUNT(*) FROM " + qualifiedTable + " LOCK IN SHARE MODE");
    }

    /**
     * {@code lock_wait_timeout} bounds metadata-lock waits (every DDL), {@code innodb_lock_wait_timeout}
     * row-lock waits (DML); both take whole seconds, so the limit is rounded up. {@code max_statement_time}
     * (MariaDB only; MySQL has no such variable) is sent only when a statement timeout is set.
     */
    @Override
    public List<String> sessionLimits(Duration lockTimeout, Duration statementTimeout) {
        List<String> settings = new ArrayList<>();
        if (!lockTimeout.isZero()) {
            long seconds = Math.max(1, (lockTimeout.toMillis() + 999) / 1000);
            settings.add("lock_wait_timeout = " + seconds);
            settings.add("innodb_lock_wait_timeout = " + seconds);
        }
        if (!statementTimeout.isZero()) {
            settings.add("max_statement_time = " + seconds(statementTimeout));
        }
        return settings.isEmpty() ? List.of() : List.of("SET SESSION " + String.join(", ", settings));
    }

    @Override
    public List<String> clearSessionLimits(boolean lockTimeout, boolean statementTimeout) {
        List<String> settings = new ArrayList<>();
        if (lockTimeout) {
            settings.add("lock_wait_timeout = DEFAULT");
            settings.add("innodb_lock_wait_timeout = DEFAULT");
        }
        if (statementTimeout) {
            settings.add("max_statement_time = DEFAULT");
        }
        return settings.isEmpty() ? List.of() : List.of("SET SESSION " + String.join(", ", settings));
    }

    /** MariaDB has no transactional DDL, so the setting is always the session's. */
    @Override
    public String statementTimeout(Duration timeout, boolean local) {
        return "SET SESSION max_statement_time = " + seconds(timeout);
    }

    /** 1205: lock wait timeout exceeded, for row locks and metadata locks alike. */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 1205;
    }

    /** 1969: MariaDB's max_statement_time; 3024: MySQL's max_execution_time. */
    @Override
    public boolean isStatementTimeout(SQLException e) {
        return e.getErrorCode() == 1969 || e.getErrorCode() == 3024;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", Math.max(d.isZero() ? 0 : 0.001, d.toNanos() / 1e9));
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE DATABASE IF NOT EXISTS " + quote(schema);
    }

    @Override
    public String dropSchema(String schema) {
        return "DROP DATABASE " + quote(schema);
    }

    @Override
    public String now() {
        return "CURRENT_TIMESTAMP(6)";
    }

    @Override
    public String begin() {
        return "START TRANSACTION";
    }

    @Override
    public Optional<String> twoPhaseRefusal() {
        return Optional.of("two-phase commit is PostgreSQL only: MariaDB/MySQL XA transactions cannot hold DDL "
                + "(every DDL statement commits implicitly); remove 'two_phase = true' from this section");
    }
}
