package dev.drover.orchestrator.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL operations that lock or rewrite a busy table (the ones strong_migrations and squawk warn
 * about), each with the safe rewrite. A table created earlier in the same section is new, hence empty,
 * and never reported.
 */
final class PostgresRules implements RuleSet {

    static final String CREATE_INDEX = "create-index-not-concurrently";
    static final String CONCURRENTLY_IN_TRANSACTION = "concurrently-in-transaction";
    static final String ALTER_COLUMN_TYPE = "alter-column-type";
    static final String VOLATILE_DEFAULT = "add-column-volatile-default";
    static final String SET_NOT_NULL = "set-not-null";
    static final String NOT_VALID = "add-constraint-without-not-valid";
    static final String UNIQUE = "add-unique-without-index";
    static final String VALIDATE_SAME_TRANSACTION = "validate-in-same-transaction";
    static final String VACUUM_FULL = "vacuum-full";
    static final String CLUSTER = "cluster";

    /** Functions whose value differs per row, so a default calling one is computed for every existing row. */
    private static final Set<String> VOLATILE = Set.of("RANDOM", "CLOCK_TIMESTAMP", "TIMEOFDAY", "GEN_RANDOM_UUID",
            "UUID_GENERATE_V1", "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "NEXTVAL", "SETVAL");
    private static final Set<String> SERIAL = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4",
            "SERIAL8");
    private static final Set<String> CONSTRAINT_KINDS = Set.of("CONSTRAINT", "CHECK", "FOREIGN", "UNIQUE", "PRIMARY",
            "EXCLUDE");

    @Override
    public String dialect() {
        return "postgresql";
    }

    @Override
    public List<String> rules() {
        return List.of(CREATE_INDEX, CONCURRENTLY_IN_TRANSACTION, ALTER_COLUMN_TYPE, VOLATILE_DEFAULT, SET_NOT_NULL,
                NOT_VALID, UNIQUE, VALIDATE_SAME_TRANSACTION, VACUUM_FULL, CLUSTER);
    }

    @Override
    public List<Hit> check(Shape s, LintContext context) {
        List<Hit> hits = new ArrayList<>();
        if (s.startsWith("CREATE", "INDEX") || s.startsWith("CREATE", "UNIQUE", "INDEX")) {
            createIndex(s, context, hits);
        } else if ((s.startsWith("DROP", "INDEX", "CONCURRENTLY") || s.startsWith("REINDEX") && s.has("CONCURRENTLY"))
                && context.transactional) {
            hits.add(concurrentlyInTransaction());
        } else if (s.startsWith("VACUUM") && s.has("FULL")) {
            hits.add(new Hit(VACUUM_FULL, "VACUUM FULL rewrites the whole table under an ACCESS EXCLUSIVE lock: "
                    + "its reads and writes wait until it is done",
                    "use plain VACUUM (it takes no lock that stops reads or writes) or pg_repack, outside the migration"));
        } else if (s.startsWith("CLUSTER")) {
            hits.add(new Hit(CLUSTER, "CLUSTER rewrites the table in index order under an ACCESS EXCLUSIVE lock: "
                    + "its reads and writes wait until it is done",
                    "leave the physical order alone, or reorder with pg_repack --order-by, outside the migration"));
        } else {
            Shape.AlterTable alter = s.alterTable();
            if (alter != null && !context.isNew(alter.table())) {
                for (Shape action : alter.actions()) {
                    alterAction(alter.table(), action, context, hits);
                }
            }
        }
        return hits;
    }

    private static void createIndex(Shape s, LintContext context, List<Hit> hits) {
        int i = s.skip(1, "UNIQUE") + 1;
        if (s.get(i).is("CONCURRENTLY")) {
            if (context.transactional) {
                hits.add(concurrentlyInTransaction());
            }
            return;
        }
        int on = s.indexOf("ON", i);
        Shape.Name table = on < 0 ? null : s.name(s.skip(on + 1, "ONLY"));
        if (table != null && !context.isNew(table.name())) {
            hits.add(new Hit(CREATE_INDEX, "CREATE INDEX without CONCURRENTLY blocks every write to '" + table.name()
                    + "' (SHARE lock) for as long as building the index takes",
                    "CREATE INDEX CONCURRENTLY in a revision of its own with '-- transactional: false' (CONCURRENTLY "
                            + "cannot run in a transaction); should it fail, DROP INDEX CONCURRENTLY the invalid index "
                            + "and run again"));
        }
    }

    private static Hit concurrentlyInTransaction() {
        return new Hit(CONCURRENTLY_IN_TRANSACTION, "... CONCURRENTLY cannot run inside a transaction block: "
                + "PostgreSQL refuses it and the revision fails", "add '-- transactional: false' to the script's header "
                + "and keep the CONCURRENTLY statement in a revision of its own");
    }

    private static void alterAction(String table, Shape a, LintContext context, List<Hit> hits) {
        if (a.startsWith("ALTER")) {
            int column = a.skip(1, "COLUMN");
            Shape.Name name = a.name(column);
            int after = name == null ? column : name.next();
            if (a.at(after, "TYPE") || a.at(after, "SET", "DATA", "TYPE")) {
                hits.add(new Hit(ALTER_COLUMN_TYPE, "changing the type of '" + table + "." + (name == null ? "?"
                        : name.name()) + "' rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (reads "
                        + "and writes wait), unless the change is binary-compatible (e.g. varchar(n) to a larger n or "
                        + "to text)", "add a column of the new type, backfill it in batches, move the application over, "
                        + "then drop the old column; for a binary-compatible change, silence this with "
                        + "'-- lint_ignore: " + ALTER_COLUMN_TYPE + " <why it is binary-compatible>'"));
            } else if (a.at(after, "SET", "NOT", "NULL") && name != null
                    && !context.validatedNotNull.contains(table + "." + name.name())) {
                hits.add(new Hit(SET_NOT_NULL, "SET NOT NULL on '" + table + "." + name.name() + "' scans the whole "
                        + "table for NULLs under an ACCESS EXCLUSIVE lock (reads and writes wait)",
                        "ADD CONSTRAINT " + name.name() + "_not_null CHECK (" + name.name() + " IS NOT NULL) NOT VALID; "
                                + "VALIDATE CONSTRAINT it in a later revision; then SET NOT NULL, which PostgreSQL 12+ "
                                + "proves from the validated constraint without a scan, and drop the constraint"));
            }
        } else if (a.startsWith("ADD")) {
            addAction(table, a, hits);
        } else if (a.startsWith("VALIDATE", "CONSTRAINT") && context.transactional) {
            Shape.Name constraint = a.name(2);
            if (constraint != null && context.notValidHere.containsKey(constraint.name())) {
                hits.add(new Hit(VALIDATE_SAME_TRANSACTION, "VALIDATE CONSTRAINT " + constraint.name() + " runs in the "
                        + "same transaction as the ADD CONSTRAINT ... NOT VALID, whose ACCESS EXCLUSIVE lock on '" + table
                        + "' is still held: the validating scan blocks reads and writes after all",
                        "move VALIDATE CONSTRAINT to the next revision (or make this one '-- transactional: false')"));
            }
        }
    }

    private static void addAction(String table, Shape a, List<Hit> hits) {
        if (a.get(1).kind() == Token.Kind.WORD && CONSTRAINT_KINDS.contains(a.get(1).text())) {
            int kind = a.get(1).is("CONSTRAINT") && a.name(2) != null ? a.name(2).next() : 1;
            if ((a.get(kind).is("CHECK") || a.at(kind, "FOREIGN", "KEY")) && !a.hasSequence("NOT", "VALID")) {
                boolean fk = a.get(kind).is("FOREIGN");
                hits.add(new Hit(NOT_VALID, (fk ? "adding a foreign key scans '" + table + "' while holding SHARE ROW "
                        + "EXCLUSIVE locks on it and on the referenced table (writes to both wait)"
                        : "adding a CHECK constraint scans '" + table + "' under an ACCESS EXCLUSIVE lock (reads and "
                                + "writes wait)"), "add it with NOT VALID (only new rows are checked; the lock is brief), "
                        + "then VALIDATE CONSTRAINT in a later revision (it takes a SHARE UPDATE EXCLUSIVE lock, which "
                        + "lets reads and writes go on)"));
            } else if ((a.get(kind).is("UNIQUE") || a.at(kind, "PRIMARY", "KEY") || a.get(kind).is("EXCLUDE"))
                    && !a.hasSequence("USING", "INDEX")) {
                hits.add(new Hit(UNIQUE, "adding a UNIQUE, PRIMARY KEY or EXCLUDE constraint builds its index on '"
                        + table + "' under an ACCESS EXCLUSIVE lock (reads and writes wait)",
                        "CREATE UNIQUE INDEX CONCURRENTLY in a '-- transactional: false' revision, then ADD CONSTRAINT "
                                + "... UNIQUE USING INDEX (or PRIMARY KEY USING INDEX) in the next one"));
            }
            return;
        }
        int column = a.skip(a.skip(1, "COLUMN"), "IF", "NOT", "EXISTS");
        Shape.Name name = a.name(column);
        if (name == null) {
            return;
        }
        String type = a.get(name.next()).text();
        boolean volatileDefault = SERIAL.contains(type) || a.hasSequence("AS", "IDENTITY") || a.has("STORED")
                || defaultCallsVolatile(a);
        if (volatileDefault) {
            hits.add(new Hit(VOLATILE_DEFAULT, "adding '" + table + "." + name.name() + "' with a volatile default "
                    + "(random(), clock_timestamp(), gen_random_uuid(), nextval()/serial, identity or a stored generated "
                    + "column) rewrites the table under an ACCESS EXCLUSIVE lock; a constant default is instant since "
                    + "PostgreSQL 11", "add the column without a default (nullable), give new rows their value with "
                    + "ALTER COLUMN ... SET DEFAULT, backfill existing rows in batches, then make it NOT NULL through a "
                    + "NOT VALID check constraint validated later"));
        }
    }

    private static boolean defaultCallsVolatile(Shape a) {
        int at = a.indexOf("DEFAULT", 0);
        for (int i = at; at >= 0 && i < a.size(); i++) {
            if (VOLATILE.contains(a.get(i).text()) && a.get(i).kind() == Token.Kind.WORD && a.get(i + 1).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void learn(Shape s, LintContext context) {
        if (s.startsWith("CREATE")) {
            int i = s.skip(s.skip(s.skip(1, "TEMP"), "TEMPORARY"), "UNLOGGED");
            if (s.get(i).is("TABLE")) {
                Shape.Name table = s.name(s.skip(i + 1, "IF", "NOT", "EXISTS"));
                if (table != null) {
                    context.createdTables.add(table.name());
                }
            }
            return;
        }
        Shape.AlterTable alter = s.alterTable();
        if (alter == null) {
            return;
        }
        for (Shape a : alter.actions()) {
            if (a.startsWith("ADD", "CONSTRAINT") && a.name(2) != null) {
                String constraint = a.name(2).name();
                boolean notValid = a.hasSequence("NOT", "VALID");
                if (notValid) {
                    context.notValidHere.put(constraint, alter.table());
                }
                int check = a.name(2).next();
                // CHECK ( column IS NOT NULL )
                if (a.at(check, "CHECK") && a.get(check + 1).isSymbol("(") && a.name(check + 2) != null
                        && a.at(a.name(check + 2).next(), "IS", "NOT", "NULL")) {
                    String column = alter.table() + "." + a.name(check + 2).name();
                    context.notNullChecks.put(constraint, column);
                    if (!notValid) {
                        context.validatedNotNull.add(column);
                    }
                }
            } else if (a.startsWith("VALIDATE", "CONSTRAINT") && a.name(2) != null) {
                String column = context.notNullChecks.get(a.name(2).name());
                if (column != null) {
                    context.validatedNotNull.add(column);
                }
            }
        }
    }
}
