package dev.drover.orchestrator.dialect;

import dev.drover.orchestrator.drift.CatalogRows;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the schema objects of many tenant schemas (MariaDB: databases) of one server from its
 * catalog, in a few statements for all of them (never one round trip per tenant), into
 * {@link CatalogRows}. Read-only; takes no lock.
 */
public interface SchemaCatalog {

    /**
     * Adds the rows of every schema in {@code schemas} to {@code rows}: tables, columns (type,
     * nullability, default), primary, unique, foreign key and check constraints, indexes, views,
     * sequences, functions and triggers, with definitions as the catalog renders them.
     *
     * @throws SQLException when the catalog cannot be read
     */
    void read(SqlSession session, List<String> schemas, CatalogRows rows) throws SQLException;

    /** The query naming the session's current schema (MariaDB: database), for a target without a tenant schema. */
    String currentSchemaQuery();

    /**
     * The catalog of {@code dialect}.
     *
     * @throws IllegalArgumentException for a dialect without one
     */
    static SchemaCatalog of(Dialect dialect) {
        return switch (dialect.name()) {
            case "postgresql" -> new PostgresCatalog(dialect);
            case "mariadb" -> new MariaDbCatalog(dialect);
            case "h2" -> new H2Catalog(dialect);
            default -> throw new IllegalArgumentException("no schema catalog for dialect '" + dialect.name() + "'");
        };
    }

    /** {@code ('a', 'b')}: the schemas as a list of literals for {@code IN}. */
    static String inList(Dialect dialect, List<String> schemas) {
        return "(" + String.join(", ", schemas.stream().map(dialect::literal).toList()) + ")";
    }
}
