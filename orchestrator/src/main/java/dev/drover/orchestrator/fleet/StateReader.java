package dev.drover.orchestrator.fleet;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Reads the version and history tables of many targets without locks, in as few round trips as possible. */
public interface StateReader {

    /** A reader that knows nothing: every target goes to the runtime. */
    StateReader NONE = targets -> java.util.concurrent.CompletableFuture.completedFuture(Map.of());

    /**
     * A reader that reads through {@code reader} once, on its first call, and answers every later call
     * with that same snapshot (which may hold more targets than asked for): one bulk read then serves
     * both the pre-run checks and the run's no-op detection.
     */
    static StateReader once(StateReader reader) {
        return new StateReader() {
            private CompletionStage<Map<String, TargetState>> snapshot;

            @Override
            public synchronized CompletionStage<Map<String, TargetState>> read(List<FleetTarget> targets) {
                if (snapshot == null) {
                    snapshot = reader.read(targets);
                }
                return snapshot;
            }
        };
    }

    /**
     * The state of each target, by {@link FleetTarget#key()}. A target missing from the map could not be
     * read in bulk; a target whose own read failed maps to {@link TargetState#failed}.
     */
    CompletionStage<Map<String, TargetState>> read(List<FleetTarget> targets);
}
