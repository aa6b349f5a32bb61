package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.script.Statement;
import java.util.List;

/**
 * A plan step with everything needed to run it: statements already rendered for the target.
 *
 * @param step          the plan step (revision, direction, version delta)
 * @param fileLabel     the script file, for messages
 * @param checksum      the script checksum, written to the history row
 * @param transactional whether the script allows a transaction (its header)
 * @param statements    rendered statements; {@link Statement#line()} is the file line
 */
public record PreparedStep(MigrationStep step, String fileLabel, String checksum, boolean transactional,
        List<Statement> statements) {

    public PreparedStep {
        statements = List.copyOf(statements);
    }

    public String revision() {
        return step.revision().id();
    }

    public String direction() {
        return step.direction().label();
    }
}
