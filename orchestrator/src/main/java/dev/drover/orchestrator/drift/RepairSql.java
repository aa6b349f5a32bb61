package dev.drover.orchestrator.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The DDL that brings a drifted target back to what it was compared with, where that is mechanical:
 * a missing, extra or changed index and a missing, extra or changed view. Everything else (a column's
 * type, a table, a constraint, a function) needs a decision about the data or the code, so it is
 * listed as a comment saying so and never guessed.
 */
public final class RepairSql {

    private final UnaryOperator<String> quote;
    private final boolean indexBelongsToTable;

    /**
     * @param quote               quotes an identifier for the target's dialect
     * @param indexBelongsToTable {@code true} where {@code DROP INDEX} needs {@code ON table} (MariaDB)
     */
    public RepairSql(UnaryOperator<String> quote, boolean indexBelongsToTable) {
        this.quote = quote;
        this.indexBelongsToTable = indexBelongsToTable;
    }

    /** The repair script for {@code differences}, one statement or comment per line, for the target's own schema. */
    public List<String> statements(List<SchemaDifference> differences) {
        List<String> lines = new ArrayList<>();
        for (SchemaDifference difference : differences) {
            lines.addAll(repair(difference));
        }
        return lines;
    }

    /** Whether every one of {@code differences} has a mechanical repair. */
    public static boolean mechanical(List<SchemaDifference> differences) {
        return differences.stream().allMatch(RepairSql::mechanical);
    }

    private static boolean mechanical(SchemaDifference difference) {
        SchemaObject.Kind kind = difference.object().kind();
        return kind == SchemaObject.Kind.INDEX || kind == SchemaObject.Kind.VIEW;
    }

    private List<String> repair(SchemaDifference difference) {
        if (!mechanical(difference)) {
            return List.of("-- not mechanical: " + difference.message() + "; decide what the data needs and write it"
                    + " as a revision (or fix this tenant by hand)");
        }
        SchemaObject object = difference.object();
        List<String> lines = new ArrayList<>();
        if (difference.change() != SchemaDifference.Change.MISSING) {
            lines.add(object.kind() == SchemaObject.Kind.INDEX ? dropIndex(difference.actual())
                    : "DROP VIEW " + quote.apply(object.name()) + ";");
        }
        if (difference.change() != SchemaDifference.Change.EXTRA) {
            SchemaObject wanted = difference.expected();
            lines.add(wanted.kind() == SchemaObject.Kind.INDEX ? wanted.definition() + ";"
                    : "CREATE VIEW " + quote.apply(wanted.name()) + " AS " + wanted.definition() + ";");
        }
        return lines;
    }

    private String dropIndex(SchemaObject index) {
        return "DROP INDEX " + quote.apply(index.name())
                + (indexBelongsToTable ? " ON " + quote.apply(index.table()) : "") + ";";
    }
}
