package dev.drover.orchestrator.dialect;

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
    public List<String> applicationName(String name) {
        return List.of("SET application_name TO " + literal(name));
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
