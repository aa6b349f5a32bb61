package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.MigrationEngine;
import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionState;
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
 * batches of {@value #BATCH} targets per statement ({@link PostgresBatch}), the batches of a database
 * shared among at most {@value #LANES} connections that each read theirs one after another; any other
 * target (other dialects, no tenant schema) with its own short read. Reads of different databases run
 * concurrently on the runtime's threads. Takes no lock and creates nothing.
 */
public final class RuntimeStateReader implements StateReader {

    /** Tenants per statement: small, because PostgreSQL plans a long UNION ALL in more than linear time. */
    static final int BATCH = 50;
    /** Connections reading one database at once: the reads are the server's CPU work, not round trips. */
    static final int LANES = 4;

    private final MigrationRuntime runtime;
    private final boolean useLedger;

    /** A reader that believes a database's fleet ledger where it provably agrees with the tables. */
    public RuntimeStateReader(MigrationRuntime runtime) {
        this(runtime, true);
    }

    /** @param useLedger {@code false}: read every target's own tables ({@code check --deep}) */
    public RuntimeStateReader(MigrationRuntime runtime, boolean useLedger) {
        this.runtime = runtime;
        this.useLedger = useLedger;
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
            reads.add(fromLedger(sameDatabase).thenCompose(known -> {
                List<MigrationTarget> rest = sameDatabase.stream().filter(t -> !known.containsKey(t.key())).toList();
                return fromTables(rest).thenApply(read -> {
                    Map<String, TargetState> states = new LinkedHashMap<>(known);
                    states.putAll(read);
                    return states;
                });
            }));
        }
        return all(reads);
    }

    /**
     * Only what the fleet ledgers say, for the targets whose row provably agrees with their tables
     * (see {@link dev.drover.orchestrator.store.FleetLedger}); others are missing from the map.
     */
    public CompletionStage<Map<String, TargetState>> readLedgers(List<FleetTarget> targets) {
        Map<String, List<MigrationTarget>> byDatabase = new LinkedHashMap<>();
        for (FleetTarget fleetTarget : targets) {
            MigrationTarget t = fleetTarget.target();
            if ("postgresql".equals(t.dialect().name()) && t.versionSchema() != null) {
                byDatabase.computeIfAbsent(t.jdbcUrl() + "\u0000" + t.user(), k -> new ArrayList<>()).add(t);
            }
        }
        return all(byDatabase.values().stream().map(this::fromLedger).toList());
    }

    /** The targets the database's fleet ledger answers for (none without a ledger or when it cannot be read). */
    private CompletableFuture<Map<String, TargetState>> fromLedger(List<MigrationTarget> sameDatabase) {
        Map<String, List<MigrationTarget>> byLedger = new LinkedHashMap<>();
        for (MigrationTarget t : sameDatabase) {
            if (useLedger && t.ledgerSchema() != null) {
                byLedger.computeIfAbsent(t.ledgerSchema(), k -> new ArrayList<>()).add(t);
            }
        }
        List<CompletableFuture<Map<String, TargetState>>> reads = new ArrayList<>();
        for (List<MigrationTarget> sameLedger : byLedger.values()) {
            reads.add(runtime.read(sameLedger.get(0), session -> LedgerRead.read(session, sameLedger))
                    .exceptionally(e -> Map.of()).toCompletableFuture());
        }
        return all(reads);
    }

    /** The targets' own tables, in batches over a few lanes. */
    private CompletableFuture<Map<String, TargetState>> fromTables(List<MigrationTarget> sameDatabase) {
        List<CompletableFuture<Map<String, TargetState>>> reads = new ArrayList<>();
        for (List<List<MigrationTarget>> lane : lanes(sameDatabase)) {
            reads.add(runtime.read(lane.get(0).get(0), session -> readLane(lane, session))
                    .exceptionally(e -> failedAll(lane.stream().flatMap(List::stream).toList(), message(e)))
                    .toCompletableFuture());
        }
        return all(reads);
    }

    private static CompletableFuture<Map<String, TargetState>> all(List<CompletableFuture<Map<String, TargetState>>> reads) {
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, TargetState> states = new LinkedHashMap<>();
            reads.forEach(r -> states.putAll(r.join()));
            return states;
        });
    }

    /** Batches of {@value #BATCH} targets dealt round-robin to at most {@value #LANES} lanes. */
    static List<List<List<MigrationTarget>>> lanes(List<MigrationTarget> sameDatabase) {
        int batchCount = (sameDatabase.size() + BATCH - 1) / BATCH;
        List<List<List<MigrationTarget>>> lanes = new ArrayList<>();
        for (int b = 0; b < batchCount; b++) {
            if (lanes.size() < LANES) {
                lanes.add(new ArrayList<>());
            }
            lanes.get(b % LANES).add(sameDatabase.subList(b * BATCH, Math.min((b + 1) * BATCH, sameDatabase.size())));
        }
        return lanes;
    }

    /** The lane's batches in turn on one connection; a failing batch fails only its own targets. */
    private static Map<String, TargetState> readLane(List<List<MigrationTarget>> lane, SqlSession session) {
        Map<String, TargetState> states = new LinkedHashMap<>();
        for (List<MigrationTarget> batch : lane) {
            try {
                states.putAll(new PostgresBatch(batch.get(0).dialect(), batch).read(session));
            } catch (SQLException | RuntimeException e) {
                states.putAll(failedAll(batch, message(e)));
            }
        }
        return states;
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
        try {
            VersionState state = store.state(session);
            return TargetState.of(state.heads(), state.history());
        } catch (SQLException e) {
            if (!missing(e)) {
                throw e;
            }
        }
        try { // one of the tables is missing: without a version table the target is at base
            return TargetState.of(store.heads(session), List.of());
        } catch (SQLException e) {
            if (missing(e)) {
                return TargetState.of(List.of(), List.of());
            }
            throw e;
        }
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
