package dev.drover.orchestrator.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the statements read so far established, as far as the rules care: tables created in the current
 * section (new, so empty: nothing on them blocks anybody), constraints added {@code NOT VALID} in it, and,
 * across the lineage's upgrades, which {@code CHECK (column IS NOT NULL)} constraints exist and were
 * validated.
 */
final class LintContext {

    /** Whether the current section runs in one transaction. */
    boolean transactional;
    final Set<String> createdTables = new HashSet<>();
    /** Constraint name to table, added NOT VALID in the current section. */
    final Map<String, String> notValidHere = new HashMap<>();
    /** Constraint name to {@code table.column}, for CHECK (column IS NOT NULL) constraints of the lineage. */
    final Map<String, String> notNullChecks = new HashMap<>();
    /** {@code table.column} with a validated CHECK (column IS NOT NULL). */
    final Set<String> validatedNotNull = new HashSet<>();

    /** A new section begins: what it creates is new only within it. */
    void enter(boolean sectionTransactional) {
        transactional = sectionTransactional;
        createdTables.clear();
        notValidHere.clear();
    }

    boolean isNew(String table) {
        return createdTables.contains(table);
    }
}
