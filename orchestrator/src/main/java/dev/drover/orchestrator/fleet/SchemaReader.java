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
 * Reads the schema fingerprints of many targets through {@link MigrationRuntime#read}: the tenant
 * schemas (MariaDB: databases) of one server in batches of {@value RuntimeStateReader#BATCH} per
 * catalog read ({@link SchemaCatalog}), the batches of a server shared among at most
 * {@value RuntimeStateReader#LANES} connections; a target without a tenant schema reads its
 * connection's current schema on its own. Takes no lock, creates nothing; a failing read fails only
 * its own targets, each with the reason.
 */
public final class SchemaReader {

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
        try {
            return MigrationRuntime.await(read(targets));
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
        for (List<MigrationTarget> sameServer : byServer.values()) {
            for (List<List<MigrationTarget>> lane : RuntimeStateReader.lanes(sameServer)) {
                reads.add(runtime.read(lane.get(0).get(0), session -> readLane(lane, session))
                        .exceptionally(e -> failedAll(lane.stream().flatMap(List::stream).toList(),
                                RuntimeStateReader.message(e)))
                        .toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, TargetSchema> schemas = new LinkedHashMap<>();
            reads.forEach(r -> schemas.putAll(r.join()));
            return schemas;
        });
    }

    private static Map<String, TargetSchema> readLane(List<List<MigrationTarget>> lane, SqlSession session) {
        Map<String, TargetSchema> schemas = new LinkedHashMap<>();
        for (List<MigrationTarget> batch : lane) {
            try {
                schemas.putAll(readBatch(batch, session));
            } catch (SQLException | RuntimeException e) {
                schemas.putAll(failedAll(batch, RuntimeStateReader.message(e)));
            }
        }
        return schemas;
    }

    /** One catalog read for the tenant schemas of {@code batch} (one server). */
    private static Map<String, TargetSchema> readBatch(List<MigrationTarget> batch, SqlSession session) throws SQLException {
        List<String> names = batch.stream().map(MigrationTarget::tenantSchema).distinct().toList();
        Map<String, String> tenants = new java.util.HashMap<>();
        batch.forEach(t -> {
            if (t.placeholders().get("tenant") != null) {
                tenants.putIfAbsent(t.tenantSchema(), t.placeholders().get("tenant"));
            }
        });
        CatalogRows rows = new CatalogRows(droverTables(batch), tenants);
        SchemaCatalog.of(batch.get(0).dialect()).read(session, names, rows);
        Map<String, SchemaFingerprint> fingerprints = rows.fingerprints(names);
        Map<String, TargetSchema> schemas = new LinkedHashMap<>();
        batch.forEach(t -> schemas.put(t.key(), new TargetSchema(fingerprints.get(t.tenantSchema()), null,
                rows.hasDroverTable(t.tenantSchema(), FingerprintStore.TABLE))));
        return schemas;
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
        catalog.read(session, List.of(schema.toString()), rows);
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
