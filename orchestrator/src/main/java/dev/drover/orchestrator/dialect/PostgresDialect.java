package dev.drover.orchestrator.dialect;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** PostgreSQL: transactional DDL, schemas per tenant via {@code search_path}, advisory locks, two-phase commit. */
public final class PostgresDialect implements Dialect {

    /** Statements whose lock waits block nobody: they take SHARE UPDATE EXCLUSIVE and wait for older transactions. */
    private static final Pattern CONCURRENTLY = Pattern.compile("(?is)^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX"
            + "|ALTER\\s+TABLE)\\b.*\\bCONCURRENTLY\\b.*");

    PostgresDialect() {}

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean mysqlSyntax() {
        return false;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public List<String> selectTenant(String schema, List<String> searchPath) {
        if (searchPath != null && !searchPath.isEmpty()) {
            return List.of("SET search_path TO " + searchPath.stream().map(this::quote).collect(Collectors.joining(", ")));
        }
        return schema == null ? List.of() : List.of("SET search_path TO " + quote(schema));
    }

    /**
     * {@code RESET ALL} rather than {@code RESET search_path}: in the same round trip it also drops the
     * lock and statement timeouts (and anything a script SET) that an earlier borrower left on the
     * pooled connection, so a bulk read never inherits a migration's statement timeout. It resets the
     * application name too: a work session sets its own after it.
     */
    @Override
    public List<String> resetTenant(String jdbcUrl) {
        return List.of("RESET ALL");
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
    }

    /** pg_namespace, not information_schema: the latter hides schemas the user has no privilege on. */
    @Override
    public String schemaExists(String schema) {
        return "SELECT 1 FROM pg_namespace WHERE nspname = " + literal(schema);
    }

    @Override
    public String now() {
        return "clock_timestamp()";
    }

    @Override
    public boolean pipelinesStatements() {
        return true;
    }

    @Override
    public List<String> asynchronousCommit() {
        return List.of("SET LOCAL synchronous_commit TO off");
    }

    /** A transaction that has an id writes a commit record, and a synchronous commit flushes the WAL up to it. */
    @Override
    public List<String> durabilityBarrier() {
        return List.of("SELECT txid_current()");
    }

    @Override
    public String asText(String column) {
        return "CAST(" + column + " AS text)";
    }

    @Override
    public List<String> applicationName(String name) {
        return List.of("SET application_name TO " + literal(name));
    }

    @Override
    public List<String> sessionLimits(Duration lockTimeout, Duration statementTimeout) {
        return List.of(lockTimeout(lockTimeout), statementTimeout(statementTimeout, false));
    }

    @Override
    public String statementTimeout(Duration timeout, boolean local) {
        return "SET " + (local ? "LOCAL " : "") + "statement_timeout = '" + millis(timeout) + "ms'";
    }

    @Override
    public String lockTimeout(Duration timeout) {
        return "SET lock_timeout = '" + millis(timeout) + "ms'";
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    /** 57014 is also a cancel by request; the server's message names the statement timeout (in English). */
    @Override
    public boolean isStatementTimeout(SQLException e) {
        return "57014".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("statement timeout");
    }

    /**
     * As above, and for a server whose {@code lc_messages} is not English: a 57014 after the statement ran at
     * least the timeout in force (a cancel by request says so in English, and is then never taken for one).
     */
    @Override
    public boolean isStatementTimeout(SQLException e, Duration timeout, Duration elapsed) {
        if (isStatementTimeout(e)) {
            return true;
        }
        return "57014".equals(e.getSQLState()) && !String.valueOf(e.getMessage()).contains("user request")
                && !timeout.isZero() && elapsed.compareTo(timeout) >= 0;
    }

    @Override
    public boolean waitsWithoutBlocking(String sql) {
        return CONCURRENTLY.matcher(sql).matches();
    }

    /** Whole milliseconds, rounded up so that a tiny limit never becomes 0 (which means none). */
    static long millis(Duration d) {
        return d.isZero() ? 0 : Math.max(1, (d.toNanos() + 999_999) / 1_000_000);
    }

    /** LOCK TABLE ... IN SHARE MODE conflicts with the ROW EXCLUSIVE lock every writer of the table holds. */
    @Override
    public List<String> awaitWriters(String qualifiedTable, Duration wait) {
        return List.of("SET LOCAL lock_timeout = " + literal(Math.max(1, wait.toMillis()) + "ms"),
                "LOCK TABLE " + qualifiedTable + " IN SHARE MODE");
    }

    @Override
    public boolean supportsTwoPhase() {
        return true;
    }

    @Override
    public String prepareTransaction(String gid) {
        return "PREPARE TRANSACTION " + literal(gid);
    }

    @Override
    public String commitPrepared(String gid) {
        return "COMMIT PREPARED " + literal(gid);
    }

    @Override
    public String rollbackPrepared(String gid) {
        return "ROLLBACK PREPARED " + literal(gid);
    }
}
