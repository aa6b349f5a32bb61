package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.cli.render.RevisionFormatter;
import dev.drover.orchestrator.command.RevisionView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover history}: revisions newest first, optionally within a range (Alembic's {@code history}). */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List changeset scripts in chronological order (newest first).")
public final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    DroverCommand drover;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE",
            description = "A range 'start:end' of revisions; either side may be left out, e.g. 'base:head', 'ae10:', ':3c4d'.")
    String range;

    @Override
    public Integer call() {
        boolean verbose = drover.options().verbose();
        return EachLineage.print(drover, commands -> commands.history(range).stream()
                .map(rev -> verbose ? RevisionFormatter.logEntry(rev) : RevisionFormatter.line(rev, true, true, true, true))
                .toList());
    }
}
