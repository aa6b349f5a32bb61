package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.cli.render.RevisionFormatter;
import dev.drover.cli.render.RevisionJson;
import dev.drover.api.Drover;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import dev.drover.api.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover branches}: every branch point and what it branches into (Alembic's {@code branches}). */
@Command(name = "branches", mixinStandardHelpOptions = true,
        description = "Show current branch points.")
public final class BranchesCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Inject
    BeanProvider<Drover> api;

    @Override
    public Integer call() {
        boolean verbose = drover.options().verbose();
        return EachLineage.print(drover, api.get(), "branchPoints", commands -> commands.branches().stream().flatMap(point -> {
            RevisionInfo at = point.branchPoint();
            String indent = " ".repeat(at.id().length());
            List<String> lines = new ArrayList<>();
            lines.add(verbose ? RevisionFormatter.logEntry(at) : RevisionFormatter.line(at, true, false, false, true));
            point.branches().forEach(branch ->
                    lines.add(indent + " -> " + RevisionFormatter.line(branch, true, verbose, false, true)));
            lines.add("");
            return lines.stream();
        }).toList(), commands -> commands.branches().stream().map(RevisionJson::of).toList());
    }
}
