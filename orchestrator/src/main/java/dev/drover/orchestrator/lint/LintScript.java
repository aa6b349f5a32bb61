package dev.drover.orchestrator.lint;

import dev.drover.orchestrator.script.LintIgnore;
import dev.drover.orchestrator.script.Statement;
import java.util.List;

/**
 * One section of one script, as the linter reads it.
 *
 * @param revision      the revision id
 * @param file          the script file, for findings
 * @param direction     {@code upgrade} or {@code downgrade}
 * @param transactional whether the revision runs in a transaction (its {@code transactional} header)
 * @param statements    the section's statements (unrendered: placeholders stay)
 * @param ignores       the script's {@code lint_ignore} header lines
 * @param reported      whether findings in it are reported (otherwise it is only context, e.g. an applied
 *                      revision that validated a constraint a later one relies on)
 */
public record LintScript(String revision, String file, String direction, boolean transactional,
        List<Statement> statements, List<LintIgnore> ignores, boolean reported) {

    public LintScript {
        statements = List.copyOf(statements);
        ignores = List.copyOf(ignores);
    }
}
