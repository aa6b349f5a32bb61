package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.TargetResult;
import java.util.concurrent.CompletionStage;

/** Runs targets through {@link MigrationRuntime} (locks, transactions, JDBC on the runtime's threads). */
final class RuntimeTargetExecutor implements TargetExecutor {

    private final MigrationRuntime runtime;

    public RuntimeTargetExecutor(MigrationRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public CompletionStage<TargetResult> execute(FleetTarget target, FleetOperation operation, RunOptions options) {
        if (operation instanceof FleetOperation.Upgrade up) {
            return runtime.upgrade(target.target(), target.scripts(), up.destination(), options);
        }
        if (operation instanceof FleetOperation.Downgrade down) {
            return runtime.downgrade(target.target(), target.scripts(), down.destination(), options);
        }
        if (operation instanceof FleetOperation.Repair) {
            return runtime.repair(target.target(), target.scripts(), options);
        }
        FleetOperation.Stamp stamp = (FleetOperation.Stamp) operation;
        return runtime.stamp(target.target(), target.scripts(), stamp.revisions(), stamp.purge(), options);
    }
}
