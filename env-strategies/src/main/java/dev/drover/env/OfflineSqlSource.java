package dev.drover.env;

import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.sql.OfflineSql;
import dev.drover.orchestrator.sql.OfflineSqlWriter;
import java.util.List;
import java.util.function.UnaryOperator;

/** The SQL one target would run, for {@code --sql} (from a range) and {@code --dry-run} (from its current heads). */
final class OfflineSqlSource {

    private OfflineSqlSource() {}

    /** Alembic's offline mode: the start comes from the range ({@code start:end}), the database is never read. */
    static String offline(FleetTarget target, FleetOperation operation, EnvironmentStrategy strategy, String runId) {
        UnaryOperator<List<MigrationStep>> review = plan -> strategy.reviewPlan(target.target(), plan);
        if (operation instanceof FleetOperation.Upgrade up) {
            return OfflineSql.upgrade(target.target(), target.scripts(), up.destination(), runId, review);
        }
        if (operation instanceof FleetOperation.Downgrade down) {
            return OfflineSql.downgrade(target.target(), target.scripts(), down.destination(), runId, review);
        }
        if (!(operation instanceof FleetOperation.Stamp stamp)) {
            throw new IllegalArgumentException("'" + operation.command() + "' has no offline SQL: it needs each "
                    + "target's history; use '" + operation.command() + " --dry-run' to see what it would do");
        }
        return OfflineSql.stamp(target.target(), target.scripts(), stamp.revisions(), stamp.purge(), runId);
    }

    /** What a run would execute from {@code heads} (the dry run); empty when there is nothing to do. */
    static String fromHeads(FleetTarget target, FleetOperation operation, EnvironmentStrategy strategy,
            List<String> heads, String runId) {
        String title = operation.command() + " " + operation.destination() + " (dry run from "
                + (heads.isEmpty() ? "base" : String.join(" ", heads)) + ")";
        if (operation instanceof FleetOperation.Repair) {
            return "";
        }
        if (operation instanceof FleetOperation.Stamp stamp) {
            var delta = target.scripts().graph().planStamp(heads, stamp.revisions(), stamp.purge());
            return delta.isEmpty() ? "" : OfflineSqlWriter.stamp(target.target(), delta, runId, title);
        }
        List<MigrationStep> plan = operation instanceof FleetOperation.Downgrade down
                ? target.scripts().graph().planDowngrade(heads, down.destination())
                : target.scripts().graph().planUpgrade(heads, operation.destination());
        plan = strategy.reviewPlan(target.target(), plan);
        return plan.isEmpty() ? "" : OfflineSqlWriter.migration(target.target(), target.scripts(), plan, runId, title);
    }
}
