package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.runtime.TargetCheck;
import java.io.PrintWriter;
import java.sql.SQLException;
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
    public Integer call() throws SQLException {
        try (Fleet fleet = TargetSelection.fleet(drover, null, null)) {
            List<TargetCheck> checks = fleet.check();
            PrintWriter out = drover.environment().out();
            boolean several = checks.size() > 1;
            for (TargetCheck check : checks) {
                String prefix = several ? check.key() + ": " : "";
                if (check.heads().isEmpty()) {
                    out.println(prefix + "<base>" + (check.pendingSteps() == 0 ? " (head)" : ""));
                }
                for (String head : check.heads()) {
                    out.println(prefix + head + (check.pendingSteps() == 0 ? " (head)" : ""));
                }
                if (drover.options().verbose() && check.problem() != null) {
                    out.println("    " + check.problem().message());
                }
            }
            return 0;
        }
    }
}
