package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.FleetLedger;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fleet ledgers ({@link FleetLedger}) one runtime writes: installed (table and functions created
 * or replaced) once per database and ledger schema, by the first target of that database, and left
 * alone for the rest of the run when that fails (no privilege on the schema, say): the ledger only
 * saves reading time, so its absence never fails a target.
 */
final class FleetLedgers {

    private final Map<String, Boolean> installed = new ConcurrentHashMap<>();

    /**
     * The statements that write {@code target}'s ledger row at the end of its run's last transaction,
     * or none when it has no ledger (not PostgreSQL, {@code fleet_ledger = off}, no version schema)
     * or the ledger could not be installed.
     */
    List<String> closing(MigrationTarget target, SqlSession session, VersionStore store, String runId) {
        if (target.ledgerSchema() == null || target.versionSchema() == null || !target.dialect().pipelinesStatements()) {
            return List.of();
        }
        FleetLedger ledger = new FleetLedger(target.dialect(), target.ledgerSchema());
        String key = target.databaseAddress() + "\u0000" + target.ledgerSchema();
        // computeIfAbsent keeps the other targets of the database waiting while the first one installs
        boolean usable = installed.computeIfAbsent(key, k -> install(ledger, session));
        return usable ? List.of(ledger.write(store, target.versionSchema(), runId)) : List.of();
    }

    /** One retry: two processes replacing the functions at once may see "tuple concurrently updated". */
    private static boolean install(FleetLedger ledger, SqlSession session) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                session.execute(ledger.install());
                return true;
            } catch (SQLException e) {
                // retried once, then the run goes on without a ledger for this database
            }
        }
        return false;
    }
}
