package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.dialect.SchemaCatalog;
import dev.drover.orchestrator.drift.CatalogRows;
import dev.drover.orchestrator.drift.SchemaFingerprint;
import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.store.FingerprintStore;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads the schema fingerprints of many targets through {@link MigrationRuntime#read}: for the tenant
 * schemas (MariaDB: databases) of one server, each statement of its {@link SchemaCatalog} (one per
 * kind of object) covers up to {@value #CHUNK} schemas at once, and the statements are shared among at
 * most {@value RuntimeStateReader#LANES} connections that run theirs one after another; a target
 * without a tenant schema reads its connection's current schema on its own. Servers are read
 * concurrently. Takes no lock, creates nothing; a failing read fails only its server's targets (or
 * the one target), each with the reason.
 *
 * <p>Why whole-server statements rather than batches of 50 as for the version tables: a catalog
 * statement's cost is mostly its scan of {@code pg_class} (or {@code information_schema}), the same
 * for 50 schemas as for 1,000 (measured on the 1,000-tenant benchmark fleet: see bench/README.md).
 */
public final class SchemaReader {

    /** At most this many schemas per statement; each statement scans the catalog once whatever the list. */
    static final int CHUNK = 1000;

    private final MigrationRuntime runtime;

    public SchemaReader(MigrationRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Every target's schema, by key. Blocks the calling thread.
     *
     * @throws IllegalStateException on a Vert.x event-loop thread
     */
    public Map<String, TargetSchema> readAll(List<FleetTarget> targets) {
        return await(read(targets), targets);
    }

    /**
     * Waits for {@code reading} (a {@link #read} of {@code targets}): a read that fails as a whole fails every target.
     *
     * @throws IllegalStateException on a Vert.x event-loop thread
     */
    public Map<String, TargetSchema> await(CompletionStage<Map<String, TargetSchema>> reading, List<FleetTarget> targets) {
        try {
            return MigrationRuntime.await(reading);
        } catch (SQLException e) {
            Map<String, TargetSchema> failed = new LinkedHashMap<>();
            targets.forEach(t -> failed.put(t.key(), TargetSchema.failed(e.getMessage())));
            return failed;
        }
    }

    /** Every target's schema, by key; every target gets an entry. */
    public CompletionStage<Map<String, TargetSchema>> read(List<FleetTarget> targets) {
        Map<String, List<MigrationTarget>> byServer = new LinkedHashMap<>();
        List<CompletableFuture<Map<String, TargetSchema>>> reads = new ArrayList<>();
        for (FleetTarget fleetTarget : targets) {
            MigrationTarget t = fleetTarget.target();
            if (t.tenantSchema() != null) {
                byServer.computeIfAbsent(t.jdbcUrl() + "\u0000" + t.user(), k -> new ArrayList<>()).add(t);
            } else {
                reads.add(runtime.read(t, session -> Map.of(t.key(), own(t, session)))
                        .exceptionally(e -> Map.of(t.key(), TargetSchema.failed(RuntimeStateReader.message(e))))
                        .toCompletableFuture());
            }
        }
        byServer.values().forEach(sameServer -> reads.add(readServer(sameServer)));
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, TargetSchema> schemas = new LinkedHashMap<>();
            reads.forEach(r -> schemas.putAll(r.join()));
            return schemas;
        });
    }

    /** The tenant schemas of one server: the catalog's statements over lanes, then one fingerprint per schema. */
    private CompletableFuture<Map<String, TargetSchema>> readServer(List<MigrationTarget> sameServer) {
        MigrationTarget first = sameServer.get(0);
        SchemaCatalog catalog = SchemaCatalog.of(first.dialect());
        List<String> names = sameServer.stream().map(MigrationTarget::tenantSchema).distinct().toList();
        List<String> statements = new ArrayList<>();
        int chunk = chunk(names.size());
        for (int from = 0; from < names.size(); from += chunk) {
            statements.addAll(catalog.queries(names.subList(from, Math.min(from + chunk, names.size()))));
        }
        int laneCount = Math.min(RuntimeStateReader.LANES, statements.size());
        List<CompletableFuture<List<List<Object>>>> lanes = new ArrayList<>();
        for (int lane = 0; lane < laneCount; lane++) {
            List<String> mine = new ArrayList<>();
            for (int i = lane; i < statements.size(); i += laneCount) {
                mine.add(statements.get(i));
            }
            lanes.add(runtime.read(first, session -> {
                List<List<Object>> rows = new ArrayList<>();
                for (String statement : mine) {
                    rows.addAll(session.query(statement));
                }
                return rows;
            }).toCompletableFuture());
        }
        return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).thenApply(v -> {
            CatalogRows rows = new CatalogRows(droverTables(sameServer), tenants(sameServer));
            lanes.forEach(lane -> lane.join().forEach(row -> catalog.add(row, rows)));
            Map<String, SchemaFingerprint> fingerprints = rows.fingerprints(names);
            Map<String, TargetSchema> schemas = new LinkedHashMap<>();
            sameServer.forEach(t -> schemas.put(t.key(), new TargetSchema(fingerprints.get(t.tenantSchema()), null,
                    rows.hasDroverTable(t.tenantSchema(), FingerprintStore.TABLE))));
            return schemas;
        }).exceptionally(e -> failedAll(sameServer, RuntimeStateReader.message(e)));
    }

    /**
     * Schemas per statement for a server with {@code schemas}: a share of each lane, so that the costly
     * kinds (views, whose definitions PostgreSQL deparses one by one) run on every lane at once, but never
     * under 50 (each statement also scans the whole catalog) nor over {@value #CHUNK}.
     */
    static int chunk(int schemas) {
        int perLane = (schemas + RuntimeStateReader.LANES - 1) / RuntimeStateReader.LANES;
        return Math.max(50, Math.min(CHUNK, perLane));
    }

    /** The tenant name of each schema, for {@link CatalogRows}. */
    private static Map<String, String> tenants(List<MigrationTarget> targets) {
        Map<String, String> tenants = new java.util.HashMap<>();
        targets.forEach(t -> {
            if (t.placeholders().get("tenant") != null) {
                tenants.putIfAbsent(t.tenantSchema(), t.placeholders().get("tenant"));
            }
        });
        return tenants;
    }

    /** A target without a tenant schema: its connection's current schema. */
    private static TargetSchema own(MigrationTarget target, SqlSession session) throws SQLException {
        SchemaCatalog catalog = SchemaCatalog.of(target.dialect());
        List<List<Object>> current = session.query(catalog.currentSchemaQuery());
        Object schema = current.isEmpty() ? null : current.get(0).get(0);
        if (schema == null) {
            return TargetSchema.failed("target '" + target.key() + "' has no current schema to read;"
                    + " name its database in the section's url");
        }
        String tenant = target.placeholders().get("tenant");
        CatalogRows rows = new CatalogRows(droverTables(List.of(target)),
                tenant == null ? Map.of() : Map.of(schema.toString(), tenant));
        for (String statement : catalog.queries(List.of(schema.toString()))) {
            for (List<Object> row : session.query(statement)) {
                catalog.add(row, rows);
            }
        }
        return new TargetSchema(rows.fingerprints(List.of(schema.toString())).get(schema.toString()), null,
                rows.hasDroverTable(schema.toString(), FingerprintStore.TABLE));
    }

    /** The version and history tables the targets name (besides everything called {@code drover_*}). */
    private static Set<String> droverTables(List<MigrationTarget> targets) {
        Set<String> tables = new HashSet<>();
        targets.forEach(t -> {
            tables.add(t.versionTable());
            tables.add(t.historyTable());
        });
        return tables;
    }

    private static Map<String, TargetSchema> failedAll(List<MigrationTarget> targets, String message) {
        Map<String, TargetSchema> failed = new LinkedHashMap<>();
        targets.forEach(t -> failed.put(t.key(), TargetSchema.failed(message)));
        return failed;
    }
}
