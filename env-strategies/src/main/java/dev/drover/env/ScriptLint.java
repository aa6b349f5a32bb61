package dev.drover.env;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.lint.Finding;
import dev.drover.orchestrator.lint.LintScript;
import dev.drover.orchestrator.lint.Linter;
import dev.drover.orchestrator.runtime.ScriptSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** Lints a lineage's scripts for one dialect: {@code drover lint}, and the checks before an upgrade or downgrade. */
public final class ScriptLint {

    private ScriptLint() {}

    /** Every section of every script (upgrades bases first, then downgrades). */
    public static List<Finding> all(ScriptSource scripts, Dialect dialect) {
        return lint(scripts, dialect, (revision, direction) -> true);
    }

    /**
     * Findings only in the sections {@code reported} selects (revision id, direction); the others are read
     * for what they establish (e.g. a constraint an applied revision validated).
     */
    public static List<Finding> lint(ScriptSource scripts, Dialect dialect, BiPredicate<String, Direction> reported) {
        List<LintScript> sections = new ArrayList<>();
        List<Revision> revisions = scripts.graph().revisions();
        for (Direction direction : List.of(Direction.UPGRADE, Direction.DOWNGRADE)) {
            for (Revision revision : revisions) {
                String id = revision.id();
                sections.add(new LintScript(id, scripts.fileLabel(id), direction.label(), scripts.transactional(id)
                        && dialect.transactionalDdl(), scripts.statements(id, direction, dialect), scripts.lintIgnores(id),
                        reported.test(id, direction)));
            }
        }
        return Linter.forDialect(dialect.name()).lint(sections);
    }
}
