package dev.drover.orchestrator.dialect;

import dev.drover.orchestrator.drift.SchemaObject;
import java.util.List;

/**
 * {@link SchemaCatalog} of MariaDB (and MySQL) from {@code information_schema}: one statement per
 * kind of object for a whole batch of tenant databases, each filtered on the schema column with
 * {@code IN (...)} (so the server opens only those databases' tables). Unique keys are indexes here
 * (as MariaDB keeps them), the primary key a constraint; an index definition is written as the
 * {@code CREATE INDEX} statement that makes it.
 */
final class MariaDbCatalog implements SchemaCatalog {

    private final Dialect dialect;

    MariaDbCatalog(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String currentSchemaQuery() {
        return "SELECT DATABASE()";
    }

    @Override
    public List<String> queries(List<String> schemas) {
        return queries(SchemaCatalog.inList(dialect, schemas));
    }

    /**
     * One statement per kind of object (a {@code UNION ALL} of information_schema views mixes their
     * collations). Columns: schema, kind ({@link SchemaObject.Kind} name), table, name, definition.
     */
    static List<String> queries(String schemas) {
        return List.of(
                "SELECT table_schema, IF(table_type = 'SEQUENCE', 'SEQUENCE', 'TABLE'), '', table_name,"
                        + " IF(table_type = 'SEQUENCE', '', CONCAT_WS(' ', engine, table_collation))"
                        + " FROM information_schema.tables WHERE table_schema IN " + schemas + " AND table_type <> 'VIEW'",
                "SELECT table_schema, 'COLUMN', table_name, column_name, CONCAT(column_type,"
                        + " IF(is_nullable = 'NO', ' not null', ''), IF(column_default IS NULL, '',"
                        + " CONCAT(' default ', column_default)), IF(extra = '', '', CONCAT(' ', LOWER(extra))),"
                        + " IF(generation_expression IS NULL, '', CONCAT(' as (', generation_expression, ')')))"
                        + " FROM information_schema.columns c WHERE table_schema IN " + schemas
                        + " AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = c.table_schema"
                        + " AND t.table_name = c.table_name AND t.table_type <> 'VIEW')",
                "SELECT k.constraint_schema, 'CONSTRAINT', k.table_name, k.constraint_name,"
                        + " CONCAT(IF(k.constraint_name = 'PRIMARY', 'PRIMARY KEY', 'FOREIGN KEY'), ' (',"
                        + " GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position SEPARATOR ', '), ')',"
                        + " IF(MAX(k.referenced_table_name) IS NULL, '', CONCAT(' REFERENCES ', MAX(k.referenced_table_name), ' (',"
                        + " GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position SEPARATOR ', '), ')',"
                        + " (SELECT CONCAT(' ON UPDATE ', r.update_rule, ' ON DELETE ', r.delete_rule)"
                        + " FROM information_schema.referential_constraints r WHERE r.constraint_schema = k.constraint_schema"
                        + " AND r.table_name = k.table_name AND r.constraint_name = k.constraint_name))))"
                        + " FROM information_schema.key_column_usage k WHERE k.constraint_schema IN " + schemas
                        + " AND (k.constraint_name = 'PRIMARY' OR k.referenced_table_name IS NOT NULL)"
                        + " GROUP BY k.constraint_schema, k.table_name, k.constraint_name",
                "SELECT constraint_schema, 'CONSTRAINT', table_name, constraint_name, CONCAT('CHECK (', check_clause, ')')"
                        + " FROM information_schema.check_constraints WHERE constraint_schema IN " + schemas,
                "SELECT index_schema, 'INDEX', table_name, index_name, CONCAT('CREATE ', IF(MAX(non_unique) = 0, 'UNIQUE ', ''),"
                        + " IF(MAX(index_type) IN ('FULLTEXT', 'SPATIAL'), CONCAT(MAX(index_type), ' '), ''),"
                        + " 'INDEX `', REPLACE(index_name, '`', '``'), '` ON `', REPLACE(table_name, '`', '``'), '` (',"
                        + " GROUP_CONCAT(CONCAT('`', REPLACE(column_name, '`', '``'), '`',"
                        + " IF(sub_part IS NULL, '', CONCAT('(', sub_part, ')')), IF(collation = 'D', ' DESC', ''))"
                        + " ORDER BY seq_in_index SEPARATOR ', '), ')')"
                        + " FROM information_schema.statistics WHERE index_schema IN " + schemas + " AND index_name <> 'PRIMARY'"
                        + " GROUP BY index_schema, table_name, index_name",
                "SELECT table_schema, 'VIEW', '', table_name, view_definition"
                        + " FROM information_schema.views WHERE table_schema IN " + schemas,
                "SELECT routine_schema, 'FUNCTION', '', routine_name, CONCAT(LOWER(routine_type), ' ',"
                        + " COALESCE(dtd_identifier, ''), ': ', COALESCE(routine_definition, ''))"
                        + " FROM information_schema.routines WHERE routine_schema IN " + schemas,
                "SELECT trigger_schema, 'TRIGGER', event_object_table, trigger_name,"
                        + " CONCAT(action_timing, ' ', event_manipulation, ' ', action_statement)"
                        + " FROM information_schema.triggers WHERE trigger_schema IN " + schemas);
    }
}
