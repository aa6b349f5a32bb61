package dev.drover.orchestrator.dialect;

import dev.drover.orchestrator.drift.CatalogRows;
import dev.drover.orchestrator.drift.SchemaObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The statements that read the schema objects of many tenant schemas (MariaDB: databases) of one
 * server from its catalog: one statement per kind of object for all of them (never one round trip
 * per tenant), each row {@code schema, kind, table, name, definition}, collected by
 * {@link CatalogRows}. Read-only. (Running them is the fleet's {@code SchemaReader}: the dialects
 * know nothing of sessions.)
 */
public interface SchemaCatalog {

    /**
     * The statements reading every schema in {@code schemas}: tables, columns (type, nullability,
     * default), primary, unique, foreign key and check constraints, indexes, views, sequences,
     * functions and triggers, with definitions as the catalog renders them. They are independent of
     * each other, so they may run on different connections at once.
     */
    List<String> queries(List<String> schemas);

    /** Adds one row of one of {@link #queries}'s statements to {@code rows}. */
    default void add(List<Object> row, CatalogRows rows) {
        rows.add(text(row.get(0)), SchemaObject.Kind.valueOf(text(row.get(1))), text(row.get(2)), text(row.get(3)),
                text(row.get(4)));
    }

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

    /** A catalog value as text (some drivers return bytes or numbers for information_schema columns). */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }
}
