package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.cli.ExitCodes;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.runtime.TargetCheck;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code drover check}: the deploy gate; exit 1 unless every target is at head with unchanged applied scripts. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that every selected target is at head, with no applied script changed and nothing half-applied.",
            "Exit code 0 when all pass, 1 otherwise."})
public final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    DroverCommand drover;

    @Override
    public Integer call() throws SQLException {
        try (Fleet fleet = TargetSelection.fleet(drover, null, null)) {
            List<TargetCheck> checks = fleet.check();
            PrintWriter out = drover.environment().out();
            long failing = 0;
            for (TargetCheck check : checks) {
                if (check.passes()) {
                    continue;
                }
                failing++;
                String at = check.heads().isEmpty() ? "<base>" : String.join(", ", check.heads());
                out.println(check.key() + ": at " + at
                        + (check.pendingSteps() > 0 ? ", " + check.pendingSteps() + " step(s) pending" : "")
                        + (check.problem() != null ? "; " + check.problem().message() : ""));
            }
            out.println(failing == 0
                    ? "OK: " + checks.size() + " target(s) at head, applied scripts unchanged"
                    : "FAILED: " + failing + " of " + checks.size() + " target(s) not at head or changed;"
                            + " run 'drover upgrade' (or fix the reported scripts)");
            return failing == 0 ? ExitCodes.OK : ExitCodes.TARGETS_FAILED;
        }
    }
}
