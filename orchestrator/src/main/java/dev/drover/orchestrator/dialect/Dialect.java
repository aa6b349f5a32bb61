package dev.drover.orchestrator.dialect;

import dev.drover.orchestrator.script.SqlSyntax;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What Drover needs to know about one database family: quoting, whether DDL is transactional,
 * how to select a tenant on a (pooled) connection, and the two-phase commit SQL where it exists.
 * Implementations are stateless; pick one with {@link Dialects#forUrl(String)}.
 */
public interface Dialect {

    /** Short name used in messages and offline SQL headers: {@code postgresql}, {@code mariadb}, {@code h2}. */
    String name();

    /** {@code true} when the script splitter must use MySQL rules (backticks, {@code #} comments, backslash escapes). */
    boolean mysqlSyntax();

    /** The statement splitting rules for scripts run on this dialect. */
    default SqlSyntax sqlSyntax() {
        return mysqlSyntax() ? SqlSyntax.MYSQL : SqlSyntax.STANDARD;
    }

    /** Whether DDL takes part in transactions (PostgreSQL); if not, revisions run with started/done markers. */
    boolean transactionalDdl();

    /** Quotes an identifier, doubling any embedded quote character. */
    String quote(String identifier);

    /** A string literal with embedded quotes escaped for this dialect. */
    default String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** {@code schema.table} quoted, or just the quoted table when {@code schema} is {@code null}. */
    default String qualify(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    /**
     * Statements that make {@code schema} (a tenant schema, or database on MariaDB) the current one.
     *
     * @param schema     the tenant schema; {@code null} keeps the connection's default
     * @param searchPath explicit PostgreSQL search path entries (already rendered); empty for the
     *                   default ({@code schema} alone); ignored by other dialects
     */
    List<String> selectTenant(String schema, List<String> searchPath);

    /**
     * Statements that undo any tenant selection left on a pooled connection by an earlier borrower.
     *
     * @param jdbcUrl the pool's URL (MariaDB returns to the database it names, if any)
     */
    List<String> resetTenant(String jdbcUrl);

    /** The statement creating {@code schema} if it does not exist. */
    String createSchema(String schema);

    /** The statement dropping {@code schema} (MariaDB: database) and everything in it (tenant offboarding). */
    default String dropSchema(String schema) {
        return "DROP SCHEMA " + quote(schema) + " CASCADE";
    }

    /** A query answering one row when {@code schema} (MariaDB: database) exists, none otherwise. */
    default String schemaExists(String schema) {
        return "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = " + literal(schema);
    }

    /** SQL expression for "now" evaluated per statement (history timestamps). */
    String now();

    /** The statement starting a transaction in a SQL file. */
    default String begin() {
        return "BEGIN";
    }

    /**
     * Whether one JDBC statement may carry several SQL statements separated by {@code ;}, sent in one
     * round trip and run in order up to the first failure (PostgreSQL). Drover then sends a revision's
     * {@code BEGIN} with its first statement, and its version and history rows with its {@code COMMIT}.
     */
    default boolean pipelinesStatements() {
        return false;
    }

    /**
     * Statements that, run first in a transaction, let its COMMIT return before the commit record is
     * flushed to disk; empty where the dialect has no such setting. Drover uses them only for a
     * revision that is followed by another one in the same run: the target's last commit is
     * synchronous and flushes every earlier one, and a run that stops early first commits
     * {@link #durabilityBarrier()}, so nothing is reported committed before it is durable.
     */
    default List<String> asynchronousCommit() {
        return List.of();
    }

    /**
     * Statements that, committed in their own transaction with the session's default (synchronous)
     * durability, make every earlier commit of the session durable; empty where
     * {@link #asynchronousCommit()} is.
     */
    default List<String> durabilityBarrier() {
        return List.of();
    }

    /**
     * {@code column} (or any expression) cast to the dialect's text type, so that reads combining
     * different columns in one {@code UNION ALL} agree on the type and return plain strings.
     */
    default String asText(String column) {
        return "CAST(" + column + " AS VARCHAR(255))";
    }

    /** Statements labelling the session so a lock holder is recognisable; empty where unsupported. */
    default List<String> applicationName(String name) {
        return List.of();
    }

    /**
     * Statements setting a work session's limits for one borrow (issue 14), run with its setup after
     * {@link #resetTenant}. A zero duration means "no limit from Drover": the database's own default
     * applies.
     */
    default List<String> sessionLimits(Duration lockTimeout, Duration statementTimeout) {
        return List.of();
    }

    /**
     * Statements that undo {@link #sessionLimits} (and {@link #statementTimeout}) before a work connection
     * goes back to its pool, so the next borrower (e.g. a bulk read) never inherits them. Empty where
     * {@link #resetTenant} already resets every session setting.
     *
     * @param lockTimeout      whether a lock timeout was set on this borrow
     * @param statementTimeout whether a statement timeout was set on this borrow
     */
    default List<String> clearSessionLimits(boolean lockTimeout, boolean statementTimeout) {
        return List.of();
    }

    /**
     * The statement setting the statement timeout ({@code 0}: none) for the rest of the transaction
     * ({@code local}) or of the session; {@code null} where unsupported.
     */
    default String statementTimeout(Duration timeout, boolean local) {
        return null;
    }

    /** The statement setting the session's lock timeout ({@code 0}: none); {@code null} where unsupported. */
    default String lockTimeout(Duration timeout) {
        return null;
    }

    /** Whether {@code e} says a statement gave up waiting for a lock (PostgreSQL 55P03, MariaDB 1205, H2 50200). */
    default boolean isLockTimeout(SQLException e) {
        return false;
    }

    /** Whether {@code e} says a statement was cancelled by the statement timeout. */
    default boolean isStatementTimeout(SQLException e) {
        return false;
    }

    /**
     * Whether {@code e} ended a statement that ran {@code elapsed} under the statement timeout {@code timeout}
     * ({@code 0}: none) because of that timeout: {@link #isStatementTimeout(SQLException)} unless a dialect can
     * tell only with the timing (see {@code PostgresDialect}).
     */
    default boolean isStatementTimeout(SQLException e, Duration timeout, Duration elapsed) {
        return isStatementTimeout(e);
    }

    /**
     * Whether {@code sql} waits for its locks without blocking other sessions' reads and writes while it
     * waits (PostgreSQL {@code ... CONCURRENTLY}); such a statement runs without the lock timeout, since
     * giving up would only leave work half-done (an invalid index) without protecting anybody.
     */
    default boolean waitsWithoutBlocking(String sql) {
        return false;
    }

    /**
     * Statements that, run inside a transaction, wait at most {@code wait} until no other transaction
     * holds uncommitted writes to {@code qualifiedTable} (and fail after that). Drover runs them before
     * reading back the outcome of a transaction whose connection was lost, so the read sees that
     * transaction's COMMIT or its rollback, not a moment in between. Empty where no other connection
     * can hold such writes (an in-process database).
     */
    default List<String> awaitWriters(String qualifiedTable, Duration wait) {
        return List.of();
    }

    /** Whether {@link #prepareTransaction}, {@link #commitPrepared} and {@link #rollbackPrepared} work. */
    default boolean supportsTwoPhase() {
        return false;
    }

    /**
     * Why two-phase commit is refused for this dialect (docs/design.md, Concurrency), or empty when supported.
     */
    default Optional<String> twoPhaseRefusal() {
        return Optional.empty();
    }

    /** {@code PREPARE TRANSACTION 'gid'}. @throws UnsupportedOperationException where two-phase is refused */
    default String prepareTransaction(String gid) {
        throw new UnsupportedOperationException(twoPhaseRefusal().orElse("two-phase commit unsupported"));
    }

    /** {@code COMMIT PREPARED 'gid'}. @throws UnsupportedOperationException where two-phase is refused */
    default String commitPrepared(String gid) {
        throw new UnsupportedOperationException(twoPhaseRefusal().orElse("two-phase commit unsupported"));
    }

    /** {@code ROLLBACK PREPARED 'gid'}. @throws UnsupportedOperationException where two-phase is refused */
    default String rollbackPrepared(String gid) {
        throw new UnsupportedOperationException(twoPhaseRefusal().orElse("two-phase commit unsupported"));
    }
}
