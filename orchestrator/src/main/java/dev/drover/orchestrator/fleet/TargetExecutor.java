package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.TargetResult;
import java.util.concurrent.CompletionStage;

/**
 * Runs one operation on one target, asynchronously. The production implementation is
 * {@link RuntimeTargetExecutor}; tests plug in fakes. Stages may fail with
 * {@link dev.drover.orchestrator.lock.LockTimeoutException}, {@link java.sql.SQLException} or any
 * runtime exception: the runner turns them into {@code failed} outcomes.
 */
public interface TargetExecutor {

    CompletionStage<TargetResult> execute(FleetTarget target, FleetOperation operation, RunOptions options);
}
