package dev.drover.cli.command;

import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.cli.render.RevisionFormatter;
import dev.drover.cli.render.RevisionJson;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.TargetView;
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
        List<String> current = indicateCurrent || (range != null && range.contains("current")) ? currentHeads() : List.of();
        return EachLineage.print(drover, "revisions", commands -> commands.history(range, current).stream()
                .map(rev -> verbose
                        ? RevisionFormatter.logEntry(rev, current.contains(rev.id()))
                        : RevisionFormatter.line(rev, true, true, true, true, current.contains(rev.id())))
                .toList(), commands -> commands.history(range, current).stream()
                .map(rev -> RevisionJson.of(rev, current.contains(rev.id()))).toList());
    }

    /** The heads of the one selected target; 'current' means nothing for a fleet. */
    private List<String> currentHeads() {
        try (Fleet fleet = TargetSelection.fleet(drover, null, null)) {
            List<TargetView> views = fleet.status().targets();
            if (views.size() != 1) {
                throw CliException.usage("'current' (and -i) needs exactly one target, but " + views.size()
                        + " are selected; narrow the selection with --name SECTION and --tenant TENANT");
            }
            if (views.get(0).error() != null) {
                throw new CliException("Cannot read the current revision of '" + views.get(0).key() + "': "
                        + views.get(0).error(), 1);
            }
            return views.get(0).heads();
        }
    }
}
