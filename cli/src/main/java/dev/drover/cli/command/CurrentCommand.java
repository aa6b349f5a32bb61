package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.TargetView;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code drover current}: each target's current revision(s), as Alembic's {@code current} prints them. */
@Command(name = "current", mixinStandardHelpOptions = true,
        description = "Display the current revision(s) of each selected target.")
public final class CurrentCommand implements Callable<Integer> {

    @ParentCommand
    DroverCommand drover;

    @Override
    public Integer call() {
        try (Fleet fleet = TargetSelection.fleet(drover, null, null)) {
            List<TargetView> views = fleet.status().targets();
            PrintWriter out = drover.environment().out();
            for (TargetView view : views) {
                String prefix = views.size() > 1 ? view.key() + ": " : "";
                if (view.error() != null) {
                    out.println(prefix + "unreadable: " + view.error());
                    continue;
                }
                List<String> heads = view.heads().isEmpty() ? List.of("<base>") : view.heads();
                heads.forEach(head -> out.println(prefix + head + (view.atHead() ? " (head)" : "")));
            }
            return views.stream().anyMatch(v -> v.error() != null) ? 1 : 0;
        }
    }
}
