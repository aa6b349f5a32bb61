package dev.drover.env;

import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.TargetView;
import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.graph.RevisionGraph;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.sql.OfflineSql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Refuses a whole run before any target changes when its destination cannot be resolved in some
 * selected lineage (several heads for {@code head}, an unknown revision, an ambiguous prefix...):
 * without this, the targets of the other lineages would move and the rest fail one by one. A
 * destination that counts from each target's current revisions ({@code +1}, {@code -1}) is checked
 * against the heads read before the run.
 */
final class DestinationCheck {

    private DestinationCheck() {}

    /**
     * Online runs and dry runs, before anything is read: every destination that does not count from
     * the current revisions must resolve in every lineage.
     *
     * @throws RevisionException naming each lineage's sections and why (e.g. its heads and their files)
     */
    static void check(List<FleetTarget> targets, FleetOperation operation) {
        List<String> problems = new ArrayList<>();
        lineages(targets).forEach((scripts, sections) -> {
            RevisionGraph graph = scripts.graph();
            for (String spec : specifiers(operation)) {
                if (!graph.countsFromCurrent(spec)) {
                    attempt(() -> graph.resolve(spec, List.of()), sectionsLabel(sections), problems);
                }
            }
        });
        refuse(operation, problems);
    }

    /**
     * Offline SQL ({@code --sql}): the plan of every lineage, which does not depend on the target, is
     * computed before the first target's SQL is written.
     *
     * @throws RevisionException naming each lineage's sections and why
     */
    static void checkOffline(List<FleetTarget> targets, FleetOperation operation) {
        List<String> problems = new ArrayList<>();
        lineages(targets).forEach((scripts, sections) -> attempt(() -> offlinePlan(scripts, operation),
                sectionsLabel(sections), problems));
        refuse(operation, problems);
    }

    /**
     * Upgrades and downgrades whose destination counts from the current revisions: it must resolve
     * from every readable target's heads (an unreadable target is left to the run, which reports it).
     *
     * @param status read only when the destination counts from the current revisions
     * @throws RevisionException naming the targets and why
     */
    static void checkFromHeads(List<FleetTarget> targets, FleetOperation operation, Supplier<FleetStatus> status) {
        if (!(operation instanceof FleetOperation.Upgrade || operation instanceof FleetOperation.Downgrade)
                || targets.stream().noneMatch(t -> t.scripts().graph().countsFromCurrent(operation.destination()))) {
            return;
        }
        Map<String, List<String>> keysByProblem = new LinkedHashMap<>();
        for (TargetView view : status.get().targets()) {
            if (view.error() != null) {
                continue;
            }
            List<String> problem = new ArrayList<>();
            attempt(() -> view.target().scripts().graph().resolve(operation.destination(), view.heads()), null, problem);
            problem.forEach(p -> keysByProblem.computeIfAbsent(p, k -> new ArrayList<>()).add(view.key()));
        }
        List<String> problems = new ArrayList<>();
        keysByProblem.forEach((problem, keys) -> problems.add(ChangedScriptsCheck.named(keys) + ": " + problem));
        if (!problems.isEmpty()) {
            problems.add("move the other targets with --name/--tenant, or give a revision id instead of '"
                    + operation.destination() + "'");
        }
        refuse(operation, problems);
    }

    /** The sections of each lineage (targets of one lineage share one script source), in rollout order. */
    private static Map<ScriptSource, Set<String>> lineages(List<FleetTarget> targets) {
        Map<ScriptSource, Set<String>> sections = new LinkedHashMap<>();
        targets.forEach(t -> sections.computeIfAbsent(t.scripts(), s -> new LinkedHashSet<>()).add(t.section()));
        return sections;
    }

    private static List<String> specifiers(FleetOperation operation) {
        if (operation instanceof FleetOperation.Stamp stamp) {
            return stamp.revisions();
        }
        return operation instanceof FleetOperation.Repair ? List.of() : List.of(operation.destination());
    }

    private static Object offlinePlan(ScriptSource scripts, FleetOperation operation) {
        if (operation instanceof FleetOperation.Upgrade up) {
            return OfflineSql.upgradePlan(scripts, up.destination());
        }
        if (operation instanceof FleetOperation.Downgrade down) {
            return OfflineSql.downgradePlan(scripts, down.destination());
        }
        if (operation instanceof FleetOperation.Stamp stamp) {
            return OfflineSql.stampDelta(scripts, stamp.revisions(), stamp.purge());
        }
        return null;
    }

    /** Runs {@code resolution}; a graph error is added to {@code problems}, prefixed with {@code where} when given. */
    private static void attempt(Supplier<?> resolution, String where, List<String> problems) {
        try {
            resolution.get();
        } catch (RevisionException e) {
            problems.add(where == null ? e.getMessage() : where + ": " + e.getMessage());
        }
    }

    private static String sectionsLabel(Set<String> sections) {
        return (sections.size() == 1 ? "section " : "sections ")
                + String.join(", ", sections.stream().map(s -> "'" + s + "'").toList());
    }

    private static void refuse(FleetOperation operation, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        String head = operation.command() + " '" + operation.destination() + "' cannot be resolved, so nothing was run";
        throw new RevisionException(problems.size() == 1
                ? head + ": " + problems.get(0)
                : head + ":\n  " + String.join("\n  ", problems));
    }
}
