package dev.drover.orchestrator.dialect;

import java.util.List;
import java.util.Optional;

/** H2, the embedded default: DDL commits, a tenant is a schema selected with {@code SET SCHEMA}. */
public final class H2Dialect implements Dialect {

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

    @Override
    public Optional<String> twoPhaseRefusal() {
        return Optional.of("two-phase commit is PostgreSQL only: H2 commits DDL implicitly, so a prepared "
                + "transaction could not hold a revision; remove 'two_phase = true' from this section");
    }
}
