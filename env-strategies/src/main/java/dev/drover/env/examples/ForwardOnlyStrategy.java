package dev.drover.env.examples;

import dev.drover.env.PlanVetoedException;
import dev.drover.env.SchemaPerTenantStrategy;
import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.runtime.MigrationTarget;
import java.util.List;

/**
 * An example strategy for production fleets: schema-per-tenant targets that may only move
 * forward. Any plan with a downgrade step is vetoed, online and in offline SQL.
 * Use it with {@code strategy = dev.drover.env.examples.ForwardOnlyStrategy}.
 */
public class ForwardOnlyStrategy extends SchemaPerTenantStrategy {

    @Override
    public List<MigrationStep> reviewPlan(MigrationTarget target, List<MigrationStep> planned) {
        for (MigrationStep step : planned) {
            if (step.direction() == Direction.DOWNGRADE) {
                throw new PlanVetoedException("target '" + target.key() + "' is forward-only (strategy "
                        + getClass().getSimpleName() + "): refusing to downgrade revision '" + step.revision().id()
                        + "'; write a new revision that reverts the change instead");
            }
        }
        return planned;
    }
}
