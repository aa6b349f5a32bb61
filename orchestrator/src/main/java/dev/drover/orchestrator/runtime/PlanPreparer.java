package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.script.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders every statement of a plan for one target before anything runs, so an undefined
 * placeholder fails the target while it is still untouched.
 */
public final class PlanPreparer {

    private PlanPreparer() {}

    /**
     * @throws RuntimeException from {@link ScriptSource#render} (undefined placeholder: names file and line)
     */
    public static List<PreparedStep> prepare(MigrationTarget target, ScriptSource scripts, List<MigrationStep> plan) {
        List<PreparedStep> prepared = new ArrayList<>();
        for (MigrationStep step : plan) {
            String id = step.revision().id();
            String file = scripts.fileLabel(id);
            List<Statement> rendered = new ArrayList<>();
            for (Statement s : scripts.statements(id, step.direction(), target.dialect())) {
                rendered.add(new Statement(scripts.render(s.sql(), target.placeholders(), file, s.line()), s.line()));
            }
            String javaClass = scripts.javaClass(id);
            JavaStep java = javaClass == null ? null : JavaStep.of(target, JavaRevisions.load(javaClass, file));
            prepared.add(new PreparedStep(step, file, scripts.checksum(id), scripts.transactional(id), rendered,
                    scripts.statementTimeout(id), java));
        }
        return prepared;
    }
}
