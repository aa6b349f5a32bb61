package dev.drover.cli.command;

import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drover edit REV}: opens a revision script in {@code $VISUAL} / {@code $EDITOR} (Alembic's {@code edit}). */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Edit revision script(s) using $EDITOR.")
public final class EditCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Parameters(paramLabel = "REV", description = "A revision id (or unambiguous prefix), 'head' or '<label>@head'.")
    String revision;

    @Override
    public Integer call() throws InterruptedException {
        if (drover.options().format() == GlobalOptions.OutputFormat.json) {
            throw CliException.usage("'edit' opens an editor and has no JSON output; drop --format json"
                    + " (for the script's path as JSON use 'drover show REV --format json')");
        }
        Path path = drover.workspace().scriptCommands().scriptPath(revision);
        try {
            int status = drover.environment().editor().open(path);
            return status == 0 ? ExitCodes.OK : ExitCodes.TARGETS_FAILED;
        } catch (IOException e) {
            throw new CliException("Could not start the editor for '" + path + "': " + e.getMessage()
                    + "; set $EDITOR to an editor command", ExitCodes.TARGETS_FAILED);
        }
    }
}
