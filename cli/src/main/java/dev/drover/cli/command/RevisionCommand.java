package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.api.Drover;
import dev.drover.api.NewRevision;
import dev.drover.api.RevisionOptions;
import dev.drover.cli.render.Json;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
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

    @Inject
    BeanProvider<Drover> api;

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
        RevisionOptions options = RevisionOptions.message(message).head(head);
        options = splice ? options.splice() : options;
        for (String label : branchLabels) {
            options = options.branchLabel(label);
        }
        options = versionPath == null ? options : options.versionPath(drover.environment().cwd().resolve(versionPath));
        options = revId == null ? options : options.revId(revId);
        for (String dependency : dependsOn) {
            options = options.dependsOn(dependency);
        }
        return printGenerated(drover, EachLineage.scripts(drover, api.get()).revision(options));
    }

    /** {@code Generating PATH ... done}, as Alembic prints it, or {@code {"revision", "path"}} with {@code --format json}. */
    static int printGenerated(CommandContext drover, NewRevision generated) {
        drover.environment().out().println(drover.options().format() == GlobalOptions.OutputFormat.json
                ? Json.write(Map.of("revision", generated.id(), "path", generated.path().toString()))
                : "  Generating " + generated.path() + " ...  done");
        return 0;
    }
}
