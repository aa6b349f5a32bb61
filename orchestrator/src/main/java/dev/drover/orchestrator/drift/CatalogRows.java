package dev.drover.orchestrator.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Collects the rows a catalog query returns for many schemas of one server and turns them into one
 * {@link SchemaFingerprint} per schema: each definition loses its schema's name and tenant's name
 * ({@link CatalogText#normalise}), and Drover's own objects are left out (every table, view,
 * sequence or function whose name starts with {@value #DROVER_PREFIX}, the tables {@code ignored}
 * accepts, and everything that belongs to them).
 */
public final class CatalogRows {

    /** Drover's own objects (version, history, fleet ledger, locks, fingerprints) start with this by default. */
    public static final String DROVER_PREFIX = "drover_";

    private final Predicate<String> ignored;
    private final Map<String, String> tenants;
    private final Map<String, List<SchemaObject>> bySchema = new LinkedHashMap<>();
    private final java.util.Set<String> droverTables = new java.util.HashSet<>();
    /** One copy of each name and definition: most are the same in every tenant. */
    private final Map<String, String> strings = new java.util.HashMap<>();

    /** Rows of schemas without tenant names. */
    public CatalogRows(java.util.Set<String> ignoredTables) {
        this(ignoredTables, Map.of());
    }

    /**
     * @param ignoredTables further tables of Drover's (a section's {@code version_table}, {@code history_table})
     * @param tenants       the tenant name of each schema, replaced in string literals ({@link CatalogText#normalise})
     */
    public CatalogRows(java.util.Set<String> ignoredTables, Map<String, String> tenants) {
        this.tenants = Map.copyOf(tenants);
        java.util.Set<String> lower = new java.util.HashSet<>();
        ignoredTables.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
        this.ignored = name -> name.toLowerCase(Locale.ROOT).startsWith(DROVER_PREFIX) || lower.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Adds one catalog row of {@code schema}.
     *
     * @param table the table it belongs to, or {@code null}/{@code ""} for a relation, sequence or function
     */
    public void add(String schema, SchemaObject.Kind kind, String table, String name, String definition) {
        String owner = table == null ? "" : table;
        if (ignored.test(owner.isEmpty() ? name : owner)) {
            if (kind == SchemaObject.Kind.TABLE) {
                droverTables.add(schema + "\u0000" + name.toLowerCase(Locale.ROOT));
            }
            return;
        }
        bySchema.computeIfAbsent(schema, s -> new ArrayList<>()).add(new SchemaObject(kind, shared(owner), shared(name),
                shared(CatalogText.normalise(definition, schema, tenants.get(schema)))));
    }

    private String shared(String value) {
        return strings.computeIfAbsent(value, v -> v);
    }

    /** Whether {@code schema} holds Drover's table {@code table} (left out of its fingerprint). */
    public boolean hasDroverTable(String schema, String table) {
        return droverTables.contains(schema + "\u0000" + table.toLowerCase(Locale.ROOT));
    }

    /** The fingerprint of every schema in {@code schemas} (an empty one for a schema with no row). */
    public Map<String, SchemaFingerprint> fingerprints(List<String> schemas) {
        Map<String, SchemaFingerprint> fingerprints = new LinkedHashMap<>();
        for (String schema : schemas) {
            fingerprints.put(schema, SchemaFingerprint.of(bySchema.getOrDefault(schema, List.of())));
        }
        return fingerprints;
    }
}
