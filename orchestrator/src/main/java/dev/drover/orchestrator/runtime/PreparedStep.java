package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.script.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A plan step with everything needed to run it: statements already rendered for the target.
 *
 * @param step          the plan step (revision, direction, version delta)
 * @param fileLabel     the script file, for messages
 * @param checksum      the script checksum, written to the history row
 * @param transactional whether the script allows a transaction (its header)
 * @param statements    rendered statements; {@link Statement#line()} is the file line
 * @param statementTimeout the script's own {@code statement_timeout} header, or {@code null} (the target's applies)
 * @param java          the Java revision to run instead of statements, or {@code null} for SQL
 */
public record PreparedStep(MigrationStep step, String fileLabel, String checksum, boolean transactional,
        List<Statement> statements, Duration statementTimeout, JavaStep java) {

    public PreparedStep {
        statements = List.copyOf(statements);
    }

    public PreparedStep(MigrationStep step, String fileLabel, String checksum, boolean transactional,
            List<Statement> statements, Duration statementTimeout) {
        this(step, fileLabel, checksum, transactional, statements, statementTimeout, null);
    }

    /** This step as it ran: the statements a Java revision executed through its context. */
    PreparedStep withStatements(List<Statement> executed) {
        return new PreparedStep(step, fileLabel, checksum, transactional, executed, statementTimeout, java);
    }

    public PreparedStep(MigrationStep step, String fileLabel, String checksum, boolean transactional,
            List<Statement> statements) {
        this(step, fileLabel, checksum, transactional, statements, null);
    }

    public String revision() {
        return step.revision().id();
    }

    public String direction() {
        return step.direction().label();
    }
}
