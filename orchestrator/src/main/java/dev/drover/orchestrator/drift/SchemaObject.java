package dev.drover.orchestrator.drift;

import java.util.Objects;

/**
 * One object of a tenant's schema as its catalog describes it, with the tenant's own schema name
 * already removed from {@code definition}.
 *
 * @param kind       what it is
 * @param table      the table (or view) it belongs to, or {@code ""} for a table, view, sequence or function
 * @param name       its name ({@code total} for column {@code invoices.total}; a function's name includes its
 *                   argument types)
 * @param definition what must be equal in every tenant at the same revision (a column's type, nullability and
 *                   default; an index's or view's definition...); {@code ""} when existence is all that counts
 */
public record SchemaObject(Kind kind, String table, String name, String definition) implements Comparable<SchemaObject> {

    /** The kinds of catalog object a fingerprint holds, in the order differences are listed. */
    public enum Kind {
        TABLE, COLUMN, CONSTRAINT, INDEX, VIEW, SEQUENCE, FUNCTION, TRIGGER;

        /** The word used in messages: {@code table}, {@code column}... */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SchemaObject {
        Objects.requireNonNull(kind, "kind");
        table = table == null ? "" : table;
        Objects.requireNonNull(name, "name");
        definition = definition == null ? "" : definition;
    }

    /** What identifies the object within one schema: kind, table and name. */
    public String identity() {
        return kind.ordinal() + "\u0000" + table + "\u0000" + name;
    }

    /**
     * How messages name it: {@code table tmp_fix}, {@code column invoices.total},
     * {@code constraint invoices.invoices_pkey}, {@code index ix_orders_created}, {@code trigger notes.touch}.
     */
    public String label() {
        boolean qualified = !table.isEmpty() && kind != Kind.INDEX;
        return kind.word() + " " + (qualified ? table + "." : "") + name;
    }

    @Override
    public int compareTo(SchemaObject other) {
        int byKind = kind.compareTo(other.kind);
        if (byKind != 0) {
            return byKind;
        }
        int byTable = table.compareTo(other.table);
        return byTable != 0 ? byTable : name.compareTo(other.name);
    }
}
