package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.Workspace;
import dev.drover.cli.render.Json;
import dev.drover.env.Lineage;
import dev.drover.orchestrator.command.GeneratedRevision;
import dev.drover.orchestrator.command.RevisionRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover revision -m MSG}: writes a new, empty revision script (Alembic's {@code revision}). */
@Command(name = "revision", mixinStandardHelpOptions = true,
        description = "Create a new revision file.")
public final class RevisionCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "Message string to use with 'revision'.")
    String message;

    @Option(names = "--head", paramLabel = "REV", defaultValue = "head",
            description = "Specify head revision or <branchname>@head to base new revision on; 'base' starts a new root. Default: ${DEFAULT-VALUE}.")
    String head;

    @Option(names = "--splice", description = "Allow a non-head revision as the 'head' to splice onto (creates a branch).")
    boolean splice;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "Specify a branch label to apply to the new revision (repeatable).")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--version-path", paramLabel = "DIR", description = "Specify specific path from config for version file.")
    Path versionPath;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Specify a hardcoded revision id instead of generating one.")
    String revId;

    @Option(names = "--depends-on", paramLabel = "REV", description = "Specify one or more revision identifiers (or branch labels) which this revision should depend on (repeatable).")
    List<String> dependsOn = new ArrayList<>();

    @Override
    public Integer call() {
        Workspace workspace = drover.workspace();
        Lineage lineage = workspace.lineage();
        Path path = versionPath == null ? null : drover.environment().cwd().resolve(versionPath);
        GeneratedRevision generated = workspace.scriptCommands(lineage).revision(new RevisionRequest(
                message, List.of(head), splice, branchLabels, path, revId, dependsOn,
                lineage.fileTemplate(), lineage.truncateSlugLength()));
        return printGenerated(drover, generated);
    }

    /** {@code Generating PATH ... done}, as Alembic prints it, or {@code {"revision", "path"}} with {@code --format json}. */
    static int printGenerated(CommandContext drover, GeneratedRevision generated) {
        drover.environment().out().println(drover.options().format() == GlobalOptions.OutputFormat.json
                ? Json.write(Map.of("revision", generated.id(), "path", generated.path().toString()))
                : "  Generating " + generated.path() + " ...  done");
        return 0;
    }
}
