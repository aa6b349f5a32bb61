package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.Json;
import dev.drover.cli.render.RevisionFormatter;
import dev.drover.cli.render.RevisionJson;
import dev.drover.api.Drover;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import dev.drover.api.RevisionInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drover show REV}: the full entry of one revision (Alembic's {@code show}). */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show the revision(s) denoted by the given symbol.")
public final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Inject
    BeanProvider<Drover> api;

    @Parameters(paramLabel = "REV", description = "A revision id (or unambiguous prefix), 'head', 'heads' or '<label>@head'.")
    String revision;

    @Override
    public Integer call() {
        List<RevisionInfo> views = EachLineage.scripts(drover, api.get()).show(revision);
        if (drover.options().format() == GlobalOptions.OutputFormat.json) {
            drover.environment().out().println(Json.write(Map.of("revisions", RevisionJson.all(views))));
            return 0;
        }
        for (RevisionInfo view : views) {
            drover.environment().out().println(RevisionFormatter.logEntry(view));
        }
        return 0;
    }
}
