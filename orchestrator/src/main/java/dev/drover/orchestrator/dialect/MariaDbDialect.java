package dev.drover.orchestrator.dialect;

import java.time.Duration;
import java.util.List;
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

    @Override
    public String createSchema(String schema) {
        return "CREATE DATABASE IF NOT EXISTS " + quote(schema);
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
