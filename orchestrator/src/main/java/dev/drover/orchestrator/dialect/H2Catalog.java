package dev.drover.orchestrator.dialect;

import dev.drover.orchestrator.drift.CatalogRows;
import dev.drover.orchestrator.drift.SchemaObject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@link SchemaCatalog} of H2 2.x from {@code INFORMATION_SCHEMA}: one statement per kind of object
 * for a batch of schemas. H2 names unnamed constraints after internal object ids
 * ({@code CONSTRAINT_8B}), which differ from tenant to tenant, so such a constraint is named by its
 * definition instead; the indexes H2 generates for constraints are the constraints'.
 */
final class H2Catalog implements SchemaCatalog {

    /** A name H2 made up: {@code CONSTRAINT_} and hex digits of an internal id. */
    private static final Pattern GENERATED = Pattern.compile("CONSTRAINT_[0-9A-F]+");

    private final Dialect dialect;

    H2Catalog(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String currentSchemaQuery() {
        return "SELECT SCHEMA()";
    }

    @Override
    public List<String> queries(List<String> schemas) {
        return queries(SchemaCatalog.inList(dialect, schemas));
    }

    @Override
    public void add(List<Object> row, CatalogRows rows) {
        SchemaObject.Kind kind = SchemaObject.Kind.valueOf(SchemaCatalog.text(row.get(1)));
        String name = SchemaCatalog.text(row.get(3));
        String definition = SchemaCatalog.text(row.get(4));
        if (kind == SchemaObject.Kind.CONSTRAINT && GENERATED.matcher(name).matches()) {
            name = definition;
        }
        rows.add(SchemaCatalog.text(row.get(0)), kind, SchemaCatalog.text(row.get(2)), name, definition);
    }

    /** Columns: schema, kind ({@link SchemaObject.Kind} name), table, name, definition. */
    static List<String> queries(String schemas) {
        String keyColumns = "(SELECT LISTAGG(u.COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY u.ORDINAL_POSITION)"
                + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE u WHERE u.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA"
                + " AND u.CONSTRAINT_NAME = c.CONSTRAINT_NAME)";
        return List.of(
                "SELECT TABLE_SCHEMA, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'VIEW' ELSE 'TABLE' END, '', TABLE_NAME,"
                        + " CASE WHEN TABLE_TYPE = 'VIEW' THEN (SELECT v.VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS v"
                        + " WHERE v.TABLE_SCHEMA = t.TABLE_SCHEMA AND v.TABLE_NAME = t.TABLE_NAME) ELSE '' END"
                        + " FROM INFORMATION_SCHEMA.TABLES t WHERE TABLE_SCHEMA IN " + schemas,
                "SELECT c.TABLE_SCHEMA, 'COLUMN', c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE"
                        + " || COALESCE('(' || c.CHARACTER_MAXIMUM_LENGTH || ')', '(' || c.DECLARED_NUMERIC_PRECISION"
                        + " || COALESCE(',' || c.DECLARED_NUMERIC_SCALE, '') || ')', '')"
                        + " || CASE WHEN c.IS_NULLABLE = 'NO' THEN ' not null' ELSE '' END"
                        + " || CASE WHEN c.IS_IDENTITY = 'YES' THEN ' generated ' || LOWER(c.IDENTITY_GENERATION)"
                        + " || ' as identity' ELSE '' END"
                        + " || COALESCE(' default ' || c.COLUMN_DEFAULT, '')"
                        + " || COALESCE(' as (' || c.GENERATION_EXPRESSION || ')', '')"
                        + " FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t"
                        + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                        + " WHERE c.TABLE_SCHEMA IN " + schemas + " AND t.TABLE_TYPE <> 'VIEW'",
                "SELECT c.CONSTRAINT_SCHEMA, 'CONSTRAINT', c.TABLE_NAME, c.CONSTRAINT_NAME, CASE c.CONSTRAINT_TYPE"
                        + " WHEN 'CHECK' THEN 'CHECK (' || (SELECT k.CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS k"
                        + " WHERE k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME) || ')'"
                        + " WHEN 'FOREIGN KEY' THEN 'FOREIGN KEY (' || " + keyColumns + " || ') REFERENCES '"
                        + " || (SELECT p.TABLE_NAME || ' (' || (SELECT LISTAGG(pu.COLUMN_NAME, ', ') WITHIN GROUP"
                        + " (ORDER BY pu.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE pu"
                        + " WHERE pu.CONSTRAINT_SCHEMA = p.CONSTRAINT_SCHEMA AND pu.CONSTRAINT_NAME = p.CONSTRAINT_NAME)"
                        + " || ') ON UPDATE ' || r.UPDATE_RULE || ' ON DELETE ' || r.DELETE_RULE"
                        + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS p"
                        + " ON p.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA AND p.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME"
                        + " WHERE r.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = c.CONSTRAINT_NAME)"
                        + " ELSE c.CONSTRAINT_TYPE || ' (' || " + keyColumns + " || ')' END"
                        + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c WHERE c.CONSTRAINT_SCHEMA IN " + schemas,
                "SELECT i.INDEX_SCHEMA, 'INDEX', i.TABLE_NAME, i.INDEX_NAME, 'CREATE '"
                        + " || CASE WHEN i.INDEX_TYPE_NAME = 'UNIQUE INDEX' THEN 'UNIQUE ' ELSE '' END || 'INDEX \"'"
                        + " || REPLACE(i.INDEX_NAME, '\"', '\"\"') || '\" ON \"' || REPLACE(i.TABLE_NAME, '\"', '\"\"') || '\" ('"
                        + " || (SELECT LISTAGG('\"' || REPLACE(x.COLUMN_NAME, '\"', '\"\"') || '\"'"
                        + " || CASE WHEN x.ORDERING_SPECIFICATION = 'DESC' THEN ' DESC' ELSE '' END, ', ')"
                        + " WITHIN GROUP (ORDER BY x.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEX_COLUMNS x"
                        + " WHERE x.INDEX_SCHEMA = i.INDEX_SCHEMA AND x.INDEX_NAME = i.INDEX_NAME) || ')'"
                        + " FROM INFORMATION_SCHEMA.INDEXES i WHERE i.INDEX_SCHEMA IN " + schemas + " AND NOT i.IS_GENERATED",
                "SELECT SEQUENCE_SCHEMA, 'SEQUENCE', '', SEQUENCE_NAME, DATA_TYPE || ' start ' || START_VALUE"
                        + " || ' increment ' || INCREMENT || ' min ' || MINIMUM_VALUE || ' max ' || MAXIMUM_VALUE"
                        + " || CASE WHEN CYCLE_OPTION = 'YES' THEN ' cycle' ELSE '' END"
                        + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA IN " + schemas,
                "SELECT ROUTINE_SCHEMA, 'FUNCTION', '', ROUTINE_NAME, ROUTINE_TYPE || ' ' || COALESCE(DATA_TYPE, '')"
                        + " || ': ' || COALESCE(ROUTINE_DEFINITION, EXTERNAL_NAME, '')"
                        + " FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA IN " + schemas,
                "SELECT TRIGGER_SCHEMA, 'TRIGGER', EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING || ' '"
                        + " || EVENT_MANIPULATION || ' ' || COALESCE(JAVA_CLASS, '')"
                        + " FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA IN " + schemas);
    }
}
