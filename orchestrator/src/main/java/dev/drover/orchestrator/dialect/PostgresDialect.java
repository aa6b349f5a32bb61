package dev.drover.orchestrator.dialect;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL: transactional DDL, schemas per tenant via {@code search_path}, advisory locks, two-phase commit. */
public final class PostgresDialect implements Dialect {

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

    @Override
    public List<String> resetTenant(String jdbcUrl) {
        return List.of("RESET search_path");
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
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
