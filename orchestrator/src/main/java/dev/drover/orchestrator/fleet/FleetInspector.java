package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.MigrationRuntime;
import java.sql.SQLException;
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
}
