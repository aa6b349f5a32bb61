package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.api.Drover;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drover merge REV... -m MSG}: writes a merge revision joining two or more heads (Alembic's {@code merge}). */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge two revisions together. Creates a new migration file.")
public final class MergeCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Inject
    BeanProvider<Drover> api;

    @Parameters(paramLabel = "REV", arity = "1..*", description = "Revisions to merge, e.g. 'heads' or two ids.")
    List<String> revisions = new ArrayList<>();

    @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "Message string to use with 'merge'.")
    String message;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "Specify a branch label to apply to the new revision (repeatable).")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--rev-id", paramLabel = "ID", description = "Specify a hardcoded revision id instead of generating one.")
    String revId;

    @Override
    public Integer call() {
        return RevisionCommand.printGenerated(drover,
                EachLineage.scripts(drover, api.get()).merge(revisions, message, branchLabels, revId));
    }
}
