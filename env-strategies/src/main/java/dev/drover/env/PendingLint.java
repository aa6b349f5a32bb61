package dev.drover.env;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.TargetView;
import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.lint.Finding;
import dev.drover.orchestrator.runtime.ScriptSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lint findings of what an upgrade or downgrade is about to run: the revisions planned for at least one
 * target, per lineage and dialect. Targets at the same heads are planned once, so a fleet of thousands of
 * tenants costs a handful of plans.
 */
final class PendingLint {

    /** A lineage's scripts as one dialect reads them. */
    private record Reading(ScriptSource scripts, Dialect dialect) {}

    private PendingLint() {}

    static List<Finding> lint(FleetStatus status, FleetOperation operation) {
        Map<Reading, Set<String>> pending = new LinkedHashMap<>();
        Map<Reading, Set<List<String>>> planned = new HashMap<>();
        for (TargetView view : status.targets()) {
            FleetTarget target = view.target();
            Reading lineage = new Reading(target.scripts(), target.target().dialect());
            if (view.error() != null || !planned.computeIfAbsent(lineage, k -> new HashSet<>()).add(view.heads())) {
                continue;
            }
            try {
                for (MigrationStep step : FleetPlans.steps(target, operation, view.heads())) {
                    pending.computeIfAbsent(lineage, k -> new HashSet<>()).add(key(step.revision().id(),
                            step.direction().label()));
                }
            } catch (RuntimeException e) {
                // the run reports a plan that cannot be made
            }
        }
        List<Finding> findings = new ArrayList<>();
        pending.forEach((lineage, steps) -> findings.addAll(ScriptLint.lint(lineage.scripts(), lineage.dialect(),
                (revision, direction) -> steps.contains(key(revision, direction.label())))));
        return findings;
    }

    private static String key(String revision, String direction) {
        return revision + "/" + direction;
    }
}
