package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.StatusRenderer;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.FleetStatus;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code drover current}: each target's current revision(s), as Alembic's {@code current} prints them. */
@Command(name = "current", mixinStandardHelpOptions = true,
        description = {"Display the current revision(s) of each selected target.",
            "Exit code 1 when a target cannot be read (the others are still shown)."})
public final class CurrentCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Mixin
    ClusterOption cluster = new ClusterOption();

    @Override
    public Integer call() {
        try (ClusterOption.Attached clustered = cluster.join(drover);
                Fleet fleet = cluster.attach(TargetSelection.fleet(drover, cluster.registry(drover), null, null, null,
                        UnaryOperator.identity()))) {
            FleetStatus status = fleet.status();
            if (drover.options().format() == GlobalOptions.OutputFormat.json) {
                drover.environment().out().println(StatusRenderer.currentJson(status));
            } else {
                StatusRenderer.current(status, drover.environment().out());
            }
            return status.allReadable() ? ExitCodes.OK : ExitCodes.TARGETS_FAILED;
        }
    }
}
