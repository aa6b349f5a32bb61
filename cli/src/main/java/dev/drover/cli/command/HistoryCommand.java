package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.cli.Workspace;
import dev.drover.cli.render.RevisionFormatter;
import dev.drover.env.Lineage;
import dev.drover.orchestrator.command.RevisionView;
import java.io.PrintWriter;
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
        Workspace workspace = drover.workspace();
        PrintWriter out = drover.environment().out();
        LineageHeaders headers = new LineageHeaders(workspace.lineages(), out);
        for (Lineage lineage : workspace.lineages()) {
            headers.print(lineage);
            for (RevisionView revision : workspace.scriptCommands(lineage).history(range)) {
                out.println(drover.options().verbose() ? RevisionFormatter.logEntry(revision) : RevisionFormatter.line(revision, true, true, true, true));
            }
        }
        return 0;
    }
}
