package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.cli.render.RunRenderer;
import dev.drover.env.Fleet;
import dev.drover.env.TargetOutcome;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drover downgrade REV}: Revert to a previous version. */
@Command(name = "downgrade", mixinStandardHelpOptions = true, description = "Revert to a previous version.")
public final class DowngradeCommand implements Callable<Integer> {

    @ParentCommand
    DroverCommand drover;

    @Parameters(paramLabel = "REV", description = "The destination: base, a revision (or prefix), <label>@base, -N, <rev>-N; with --sql a range start:end (start required).")
    String revision;

    @Mixin
    RunOptionsMixin run;

    @Override
    public Integer call() {
        try (Fleet fleet = run.fleet(drover)) {
            if (run.sql) {
                drover.environment().out().print(fleet.offlineDowngrade(revision));
                return 0;
            }
            List<TargetOutcome> outcomes = fleet.downgrade(revision);
            RunRenderer.render(outcomes, drover.options().verbose(), fleet.runId(), drover.environment().out());
            return FleetExit.of(outcomes);
        }
    }
}
