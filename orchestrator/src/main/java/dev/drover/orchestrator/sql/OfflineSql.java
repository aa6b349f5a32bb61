package dev.drover.orchestrator.sql;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.graph.RevisionGraph;
import dev.drover.orchestrator.graph.VersionDelta;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.ScriptSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code upgrade/downgrade/stamp --sql} for one target with Alembic's semantics: the starting point
 * comes from the command line ({@code start:end}; upgrade defaults to {@code base}), the database is
 * never read, and the output is what {@link OfflineSqlWriter} writes for the resulting plan.
 */
public final class OfflineSql {

    private OfflineSql() {}

    /**
     * @param range {@code end} (from base) or {@code start:end}, e.g. {@code head}, {@code 1a2b:head}
     * @throws RevisionException when a side cannot be resolved
     */
    public static String upgrade(MigrationTarget target, ScriptSource scripts, String range, String runId) {
        return upgrade(target, scripts, range, runId, UnaryOperator.identity());
    }

    /**
     * As {@link #upgrade(MigrationTarget, ScriptSource, String, String)}, with the plan passed through
     * {@code review} (an environment strategy's hook, which may rewrite it or throw to veto it).
     */
    public static String upgrade(MigrationTarget target, ScriptSource scripts, String range, String runId,
            UnaryOperator<List<MigrationStep>> review) {
        List<MigrationStep> plan = review.apply(upgradePlan(scripts, range));
        return OfflineSqlWriter.migration(target, scripts, plan, runId, "upgrade " + range);
    }

    /**
     * The steps of {@code upgrade RANGE --sql}, the same for every target of a lineage.
     *
     * @param range {@code end} (from base) or {@code start:end}
     * @throws RevisionException when a side cannot be resolved or the plan is impossible
     */
    public static List<MigrationStep> upgradePlan(ScriptSource scripts, String range) {
        String[] sides = split(range);
        RevisionGraph graph = scripts.graph();
        List<String> start = sides[0] == null ? List.of() : graph.resolve(sides[0], List.of());
        return graph.planUpgrade(start, sides[1]);
    }

    /**
     * @param range {@code start:end}; the start is required because offline SQL cannot read the database
     * @throws RevisionException when the start is missing or a side cannot be resolved
     */
    public static String downgrade(MigrationTarget target, ScriptSource scripts, String range, String runId) {
        return downgrade(target, scripts, range, runId, UnaryOperator.identity());
    }

    /** As {@link #downgrade(MigrationTarget, ScriptSource, String, String)}, with the plan passed through {@code review}. */
    public static String downgrade(MigrationTarget target, ScriptSource scripts, String range, String runId,
            UnaryOperator<List<MigrationStep>> review) {
        return OfflineSqlWriter.migration(target, scripts, review.apply(downgradePlan(scripts, range)), runId,
                "downgrade " + range);
    }

    /**
     * The steps of {@code downgrade START:END --sql}, the same for every target of a lineage.
     *
     * @throws RevisionException when the start is missing, a side cannot be resolved or the plan is impossible
     */
    public static List<MigrationStep> downgradePlan(ScriptSource scripts, String range) {
        String[] sides = split(range);
        if (sides[0] == null) {
            throw new RevisionException("downgrade with --sql needs a starting revision ('" + range + "' has none), "
                    + "since offline SQL never reads the database; use '<fromrev>:<torev>', e.g. 'head:-1'");
        }
        RevisionGraph graph = scripts.graph();
        List<String> start = graph.resolve(sides[0], List.of());
        return graph.planDowngrade(start, sides[1]);
    }

    /**
     * @param revisions destinations; the first may carry a start ({@code start:rev}), otherwise base
     */
    public static String stamp(MigrationTarget target, ScriptSource scripts, List<String> revisions, boolean purge,
            String runId) {
        return OfflineSqlWriter.stamp(target, stampDelta(scripts, revisions, purge), runId,
                "stamp " + String.join(" ", revisions) + (purge ? " --purge" : ""));
    }

    /**
     * The version-table change of {@code stamp REV... --sql}, the same for every target of a lineage.
     *
     * @throws RevisionException when a revision cannot be resolved
     */
    public static VersionDelta stampDelta(ScriptSource scripts, List<String> revisions, boolean purge) {
        RevisionGraph graph = scripts.graph();
        List<String> destinations = new ArrayList<>(revisions);
        List<String> start = List.of();
        if (!destinations.isEmpty()) {
            String[] sides = split(destinations.get(0));
            if (sides[0] != null) {
                start = graph.resolve(sides[0], List.of());
            }
            destinations.set(0, sides[1]);
        }
        return graph.planStamp(start, destinations, purge);
    }

    /** {@code [start or null, end]}; {@code a:b} splits at the first colon. */
    static String[] split(String range) {
        int colon = range.indexOf(':');
        if (colon < 0) {
            return new String[] {null, range};
        }
        String start = range.substring(0, colon).strip();
        String end = range.substring(colon + 1).strip();
        if (end.isEmpty()) {
            throw new RevisionException("range '" + range + "' has no end; use '<start>:<end>', e.g. 'base:head'");
        }
        return new String[] {start.isEmpty() ? null : start, end};
    }
}
