package dev.drover.orchestrator.fleet;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Reads the version and history tables of many targets without locks, in as few round trips as possible. */
public interface StateReader {

    /** A reader that knows nothing: every target goes to the runtime. */
    StateReader NONE = targets -> java.util.concurrent.CompletableFuture.completedFuture(Map.of());

    /**
     * The state of each target, by {@link FleetTarget#key()}. A target missing from the map could not be
     * read in bulk; a target whose own read failed maps to {@link TargetState#failed}.
     */
    CompletionStage<Map<String, TargetState>> read(List<FleetTarget> targets);
}
