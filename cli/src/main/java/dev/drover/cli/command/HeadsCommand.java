package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.cli.render.RevisionFormatter;
import dev.drover.cli.render.RevisionJson;
import dev.drover.api.Drover;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover heads}: the current heads of the script directory (Alembic's {@code heads}). */
@Command(name = "heads", mixinStandardHelpOptions = true,
        description = "Show current available heads in the script directory.")
public final class HeadsCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Inject
    BeanProvider<Drover> api;

    @Option(names = "--resolve-dependencies",
            description = "Treat dependency versions as down revisions: a revision another head depends on is not a head.")
    boolean resolveDependencies;

    @Override
    public Integer call() {
        boolean verbose = drover.options().verbose();
        return EachLineage.print(drover, api.get(), "heads", commands -> commands.heads(resolveDependencies).stream()
                .map(head -> verbose ? RevisionFormatter.logEntry(head) : RevisionFormatter.line(head, true, false, false, false))
                .toList(), commands -> RevisionJson.all(commands.heads(resolveDependencies)));
    }
}
