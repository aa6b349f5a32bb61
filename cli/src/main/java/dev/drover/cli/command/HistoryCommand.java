package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.RevisionInfo;
import dev.drover.api.Scripts;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CommandContext;
import dev.drover.cli.render.RevisionFormatter;
import dev.drover.cli.render.RevisionJson;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover history}: revisions newest first, optionally within a range (Alembic's {@code history}). */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List changeset scripts in chronological order (newest first).")
public final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Inject
    BeanProvider<Drover> api;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE",
            description = "A range 'start:end' of revisions; either side may be left out or be 'current',"
                    + " e.g. 'base:head', 'ae10:', ':3c4d', 'current:'.")
    String range;

    @Option(names = {"-i", "--indicate-current"},
            description = "Mark the current revision(s) of the selected target (reads its version table).")
    boolean indicateCurrent;

    @Override
    public Integer call() {
        boolean verbose = drover.options().verbose();
        return EachLineage.print(drover, api.get(), "revisions", scripts -> history(scripts).stream()
                .map(rev -> verbose
                        ? RevisionFormatter.logEntry(rev, rev.current())
                        : RevisionFormatter.line(rev, true, true, true, true, rev.current()))
                .toList(), scripts -> history(scripts).stream().map(RevisionJson::withCurrent).toList());
    }

    /** The one call per lineage; with -i or 'current', the one selected target's heads are read first. */
    private List<RevisionInfo> history(Scripts scripts) {
        boolean readsTarget = indicateCurrent || (range != null && range.contains("current"));
        return readsTarget ? scripts.history(range, ApiClient.selection(drover, null)) : scripts.history(range);
    }
}
