package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.LintFinding;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CommandContext;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.LintRenderer;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code drover lint}: the statements of the migration scripts that would lock or rewrite a busy table. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Find statements in the migration scripts that lock or rewrite busy tables (per the dialect of each"
                + " section that uses them), each with why and the safe rewrite. Reads only the scripts and drover.ini;"
                + " connects to nothing.",
            "Silence one rule in a script with '-- lint_ignore: RULE why it is safe' in its header (-v lists silenced ones).",
            "Exit code 0 when nothing is found, 1 otherwise. 'upgrade' and 'downgrade' run the same checks on what they"
                + " are about to run: warnings, or a refusal with --strict."})
public final class LintCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Inject
    BeanProvider<Drover> api;

    @Override
    public Integer call() {
        List<LintFinding> findings = api.get().lintScripts(ApiClient.selection(drover, null));
        if (drover.options().format() == GlobalOptions.OutputFormat.json) {
            drover.environment().out().println(LintRenderer.json(findings));
        } else {
            LintRenderer.render(findings, drover.options().verbose(), drover.environment().out());
        }
        return LintRenderer.unsilenced(findings) == 0 ? ExitCodes.OK : ExitCodes.TARGETS_FAILED;
    }
}
