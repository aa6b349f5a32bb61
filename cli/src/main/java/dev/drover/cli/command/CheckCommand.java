package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.StatusRenderer;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.fleet.TargetView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code drover check}: the deploy gate; exit 1 unless every target is at head with unchanged applied scripts. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that every selected target is at head, with no applied script changed and nothing half-applied.",
            "Exit code 0 when all pass, 1 otherwise."})
public final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    DroverCommand drover;

    @Mixin
    ShardOption shard;

    @Override
    public Integer call() {
        try (Fleet fleet = TargetSelection.fleet(drover, shard.shard, null)) {
            FleetStatus status = fleet.status();
            PrintWriter out = drover.environment().out();
            if (drover.options().format() == GlobalOptions.OutputFormat.json) {
                out.println(StatusRenderer.json(status));
            } else {
                for (TargetView view : status.unhealthy()) {
                    out.println(view.key() + ": " + StatusRenderer.describe(view));
                }
                int total = status.targets().size();
                out.println(status.checkPassed()
                        ? "OK: " + total + " target(s) at head, applied scripts unchanged"
                        : "FAILED: " + status.unhealthy().size() + " of " + total + " target(s) not at head or changed;"
                                + " run 'drover upgrade' (or fix the reported scripts)");
            }
            return status.checkPassed() ? ExitCodes.OK : ExitCodes.TARGETS_FAILED;
        }
    }
}
