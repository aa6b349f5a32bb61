package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.MigrationEngine;
import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.store.HistoryRow;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads target states through {@link MigrationRuntime#read}: PostgreSQL tenant schemas of one database in
 * batches of {@value #BATCH} targets per statement ({@link PostgresBatch}); any other target (other
 * dialects, no tenant schema) with its own short read. Reads of different databases run concurrently on
 * the runtime's threads. Takes no lock and creates nothing.
 */
public final class RuntimeStateReader implements StateReader {

    static final int BATCH = 500;

    private final MigrationRuntime runtime;

    public RuntimeStateReader(MigrationRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public CompletionStage<Map<String, TargetState>> read(List<FleetTarget> targets) {
        Map<String, List<MigrationTarget>> batches = new LinkedHashMap<>();
        List<CompletableFuture<Map<String, TargetState>>> reads = new ArrayList<>();
        for (FleetTarget fleetTarget : targets) {
            MigrationTarget t = fleetTarget.target();
            if ("postgresql".equals(t.dialect().name()) && t.versionSchema() != null) {
                batches.computeIfAbsent(t.jdbcUrl() + "\u0000" + t.user(), k -> new ArrayList<>()).add(t);
            } else {
                reads.add(runtime.read(t, session -> Map.of(t.key(), readOne(t, session)))
                        .exceptionally(e -> Map.of(t.key(), TargetState.failed(message(e))))
                        .toCompletableFuture());
            }
        }
        for (List<MigrationTarget> sameDatabase : batches.values()) {
            for (int from = 0; from < sameDatabase.size(); from += BATCH) {
                List<MigrationTarget> slice = sameDatabase.subList(from, Math.min(from + BATCH, sameDatabase.size()));
                PostgresBatch batch = new PostgresBatch(slice.get(0).dialect(), slice);
                reads.add(runtime.read(slice.get(0), batch::read)
                        .exceptionally(e -> failedAll(slice, message(e)))
                        .toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, TargetState> states = new LinkedHashMap<>();
            reads.forEach(r -> states.putAll(r.join()));
            return states;
        });
    }

    /** One target's tables on its own connection: a missing schema or table is base. */
    static TargetState readOne(MigrationTarget target, SqlSession session) throws SQLException {
        try {
            MigrationEngine.enterTenant(target, session, false);
        } catch (SQLException e) {
            if (missing(e)) {
                return TargetState.of(List.of(), List.of());
            }
            throw e;
        }
        VersionStore store = MigrationEngine.store(target);
        List<String> heads;
        try {
            heads = store.heads(session);
        } catch (SQLException e) {
            if (missing(e)) {
                return TargetState.of(List.of(), List.of());
            }
            throw e;
        }
        List<HistoryRow> history;
        try {
            history = store.history(session);
        } catch (SQLException e) {
            if (!missing(e)) {
                throw e;
            }
            history = List.of();
        }
        return TargetState.of(heads, history);
    }

    private static boolean missing(SQLException e) {
        String state = e.getSQLState();
        return "3F000".equals(state) || "90079".equals(state) || "42P01".equals(state) || "42S02".equals(state)
                || "42102".equals(state) || e.getErrorCode() == 1049;
    }

    private static Map<String, TargetState> failedAll(List<MigrationTarget> targets, String message) {
        Map<String, TargetState> states = new LinkedHashMap<>();
        targets.forEach(t -> states.put(t.key(), TargetState.failed(message)));
        return states;
    }

    static String message(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
