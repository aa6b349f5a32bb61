package dev.drover.env;

import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.TargetExecutor;
import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.TargetResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Runs fleet targets through the runtime with each section's {@link EnvironmentStrategy} reviewing
 * the plan (computed under the target lock from the current heads) before anything runs.
 */
final class StrategyExecutor implements TargetExecutor {

    private final MigrationRuntime runtime;
    private final Map<String, EnvironmentStrategy> strategies;

    /** @param strategies the strategy of each target, by target key */
    StrategyExecutor(MigrationRuntime runtime, Map<String, EnvironmentStrategy> strategies) {
        this.runtime = runtime;
        this.strategies = Map.copyOf(strategies);
    }

    @Override
    public CompletionStage<TargetResult> execute(FleetTarget target, FleetOperation operation, RunOptions options) {
        EnvironmentStrategy strategy = strategies.get(target.key());
        if (operation instanceof FleetOperation.Upgrade up) {
            return runtime.migrate(target.target(), target.scripts(),
                    current -> review(strategy, target, target.scripts().graph().planUpgrade(current, up.destination())),
                    options);
        }
        if (operation instanceof FleetOperation.Downgrade down) {
            return runtime.migrate(target.target(), target.scripts(),
                    current -> review(strategy, target, target.scripts().graph().planDowngrade(current, down.destination())),
                    options);
        }
        if (operation instanceof FleetOperation.Repair) {
            return runtime.repair(target.target(), target.scripts(), options);
        }
        FleetOperation.Stamp stamp = (FleetOperation.Stamp) operation;
        return runtime.stamp(target.target(), target.scripts(), stamp.revisions(), stamp.purge(), options);
    }

    private static List<MigrationStep> review(EnvironmentStrategy strategy, FleetTarget target, List<MigrationStep> plan) {
        return strategy == null ? plan : strategy.reviewPlan(target.target(), plan);
    }
}
