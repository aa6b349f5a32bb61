package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.store.FleetLedger;
import dev.drover.orchestrator.store.HistoryRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The read-only fleet commands {@code status} and {@code check}: one bulk read of the version and
 * history tables (no lock, nothing created), then planning in memory.
 */
public final class FleetInspector {

    private final StateReader reader;

    public FleetInspector(StateReader reader) {
        this.reader = reader;
    }

    public static FleetInspector on(MigrationRuntime runtime) {
        return new FleetInspector(new RuntimeStateReader(runtime));
    }

    /**
     * Reads every target; a target that cannot be read gets a view with its {@code error}. Blocks the
     * calling thread.
     *
     * @throws IllegalStateException on a Vert.x event-loop thread
     */
    public FleetStatus status(List<FleetTarget> targets) {
        Map<String, TargetState> states;
        try {
            states = MigrationRuntime.await(reader.read(targets));
        } catch (SQLException e) {
            states = Map.of();
        }
        Map<String, TargetState> read = states;
        return new FleetStatus(targets.stream().map(t -> TargetView.of(t, read.getOrDefault(t.key(),
                TargetState.failed("target '" + t.key() + "' was not read; check that its server is reachable"))))
                .toList());
    }

    /** A status read from every target's own tables, and where the fleet ledgers disagree with them. */
    public record DeepStatus(FleetStatus status, List<String> ledgerDisagreements) {}

    /**
     * What {@code check --deep} read on some targets: each target's state from its own tables (by key; a target
     * not read is absent) and the ledger rows that disagree with them, one message each.
     */
    public record DeepRead(Map<String, TargetState> tables, List<String> ledgerDisagreements) {
        public DeepRead {
            tables = Map.copyOf(tables);
            ledgerDisagreements = List.copyOf(ledgerDisagreements);
        }
    }

    /**
     * Reads every target's own tables (never a fleet ledger) and compares each target's ledger row, where
     * one is in use, with them: heads, and the history reduced as the ledger reduces it
     * ({@link FleetLedger#reduce}). Blocks the calling thread.
     *
     * @throws IllegalStateException on a Vert.x event-loop thread
     */
    public static DeepStatus deep(MigrationRuntime runtime, List<FleetTarget> targets) {
        return deep(targets, readDeep(runtime, targets));
    }

    /** The deep status of {@code targets} from what was read of them (here, or by cluster agents). */
    public static DeepStatus deep(List<FleetTarget> targets, DeepRead read) {
        Map<String, TargetState> truth = read.tables();
        FleetStatus status = new FleetStatus(targets.stream().map(t -> TargetView.of(t, truth.getOrDefault(t.key(),
                TargetState.failed("target '" + t.key() + "' was not read; check that its server is reachable"))))
                .toList());
        return new DeepStatus(status, read.ledgerDisagreements());
    }

    /**
     * The deep read of {@code targets} with {@code runtime}'s connections. Blocks the calling thread.
     *
     * @throws IllegalStateException on a Vert.x event-loop thread
     */
    public static DeepRead readDeep(MigrationRuntime runtime, List<FleetTarget> targets) {
        Map<String, TargetState> truth = readAll(new RuntimeStateReader(runtime, false), targets);
        Map<String, TargetState> ledger;
        try {
            ledger = MigrationRuntime.await(new RuntimeStateReader(runtime).readLedgers(targets));
        } catch (SQLException e) {
            return new DeepRead(truth, List.of("the fleet ledger could not be read: " + e.getMessage()));
        }
        List<String> disagreements = new ArrayList<>();
        for (FleetTarget target : targets) {
            TargetState row = ledger.get(target.key());
            TargetState tables = truth.get(target.key());
            if (row == null || tables == null || !tables.readable()) {
                continue;
            }
            if (!row.heads().equals(tables.heads()) || !sameRows(row.history(), FleetLedger.reduce(tables.history()))) {
                disagreements.add("the fleet ledger's row for target '" + target.key() + "' says " + describe(row.heads())
                        + " but its tables say " + describe(tables.heads())
                        + (row.heads().equals(tables.heads()) ? ", with a different history" : "")
                        + "; they were changed with triggers off (logical replication, session_replication_role = replica);"
                        + " delete the row from " + FleetLedger.TABLE + " or let the target's next run rewrite it");
            }
        }
        return new DeepRead(truth, disagreements);
    }

    private static Map<String, TargetState> readAll(StateReader reader, List<FleetTarget> targets) {
        try {
            return MigrationRuntime.await(reader.read(targets));
        } catch (SQLException e) {
            return Map.of();
        }
    }

    private static boolean sameRows(List<HistoryRow> a, List<HistoryRow> b) {
        Comparator<HistoryRow> order = Comparator.comparing(HistoryRow::revision).thenComparing(HistoryRow::status)
                .thenComparing(HistoryRow::direction).thenComparing(r -> String.valueOf(r.checksum()))
                .thenComparingInt(HistoryRow::statementCount);
        return a.stream().sorted(order).toList().equals(b.stream().sorted(order).toList());
    }

    private static String describe(List<String> heads) {
        return heads.isEmpty() ? "<base>" : String.join(", ", heads);
    }
}
