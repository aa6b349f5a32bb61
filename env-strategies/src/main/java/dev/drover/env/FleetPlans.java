package dev.drover.env;

import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.OutcomeStatus;
import dev.drover.orchestrator.fleet.TargetOutcome;
import dev.drover.orchestrator.fleet.TargetView;
import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.StepResult;
import java.util.ArrayList;
import java.util.List;

/** What an operation would do to one target from its current heads: the plan, and a dry run's outcome. */
final class FleetPlans {

    private FleetPlans() {}

    /** The plan of an upgrade or downgrade for {@code target} from {@code current}. */
    static List<MigrationStep> steps(FleetTarget target, FleetOperation operation, List<String> current) {
        if (operation instanceof FleetOperation.Downgrade down) {
            return target.scripts().graph().planDowngrade(current, down.destination());
        }
        return target.scripts().graph().planUpgrade(current, operation.destination());
    }

    /**
     * The dry run's outcome for a target read as {@code view}: {@code skipped} with the planned steps
     * (reviewed by {@code strategy}; repair: the revisions it would accept) when there is work,
     * {@code unchanged} when there is none, {@code failed} when it cannot be planned.
     */
    static TargetOutcome dryRun(TargetView view, FleetOperation operation, EnvironmentStrategy strategy) {
        FleetTarget target = view.target();
        List<String> heads = view.heads();
        try {
            List<StepResult> steps = new ArrayList<>();
            if (operation instanceof FleetOperation.Repair) {
                view.changed().forEach(rev -> steps.add(new StepResult(rev, Direction.UPGRADE, 0, 0)));
            } else if (operation instanceof FleetOperation.Stamp) {
                OutcomeStatus status = operation.isNoOp(target.scripts(), heads) ? OutcomeStatus.UNCHANGED
                        : OutcomeStatus.SKIPPED;
                return TargetOutcome.builder(target, status).at(heads).build();
            } else {
                for (MigrationStep step : strategy.reviewPlan(target.target(), steps(target, operation, heads))) {
                    steps.add(new StepResult(step.revision().id(), step.direction(), 0, target.scripts()
                            .statements(step.revision().id(), step.direction(), target.target().dialect()).size()));
                }
            }
            OutcomeStatus status = steps.isEmpty() ? OutcomeStatus.UNCHANGED : OutcomeStatus.SKIPPED;
            return TargetOutcome.builder(target, status).at(heads).steps(steps).build();
        } catch (RuntimeException e) {
            return TargetOutcome.builder(target, OutcomeStatus.FAILED).at(heads)
                    .error(StepError.of(null, e.getMessage())).build();
        }
    }
}
