package dev.drover.env;

import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.script.Statement;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what can be checked without a connection before any target is touched (docs/scripts.md
 * and docs/cli.md: exit code 2 "before any target changed"): the revision graph builds (no
 * cycle, no missing parent), and for the sections the operation runs (upgrade or downgrade; none for
 * stamp, which renders nothing) every script splits in each target dialect and every placeholder
 * renders with each database section's values.
 */
final class PlanTimeCheck {

    private PlanTimeCheck() {}

    /**
     * @throws dev.drover.orchestrator.graph.RevisionException on a cycle or a missing parent
     * @throws dev.drover.orchestrator.script.ScriptParseException on a statement that does not split (file:line), or an
     *         undefined placeholder (a {@code PlaceholderException}, file:line)
     */
    static void check(List<FleetTarget> targets, FleetOperation operation) {
        Map<ScriptSource, Set<List<Object>>> seen = new IdentityHashMap<>();
        for (FleetTarget target : targets) {
            // ${tenant}/${schema} are always defined; what varies is the section (${database}, -x values) and dialect.
            Set<List<Object>> checked = seen.computeIfAbsent(target.scripts(), s -> new HashSet<>());
            if (!checked.add(List.of(target.section(), target.target().dialect()))) {
                continue;
            }
            ScriptSource scripts = target.scripts();
            for (Revision revision : scripts.graph().revisions()) {
                String file = scripts.fileLabel(revision.id());
                for (Statement s : direction(operation).map(d -> scripts.statements(revision.id(), d, target.target().dialect()))
                        .orElse(List.of())) {
                    scripts.render(s.sql(), target.target().placeholders(), file, s.line());
                }
            }
        }
    }

    private static Optional<Direction> direction(FleetOperation operation) {
        if (operation instanceof FleetOperation.Upgrade) {
            return Optional.of(Direction.UPGRADE);
        }
        return operation instanceof FleetOperation.Downgrade ? Optional.of(Direction.DOWNGRADE) : Optional.empty();
    }
}
