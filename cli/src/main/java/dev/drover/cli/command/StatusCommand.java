package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.StatusRenderer;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.report.HtmlStatusReport;
import dev.drover.orchestrator.report.ReportFormat;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code drover status}: which targets are at which revision, what is pending, and a summary by revision. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show each target's current revision(s), pending steps to head, and a summary by revision.",
            "Exit code 1 when a target cannot be read (the others are still shown), else 0."})
public final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Mixin
    ClusterOption cluster = new ClusterOption();

    @Mixin
    ShardOption shard;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() {
        report.validate();
        try (ClusterOption.Attached clustered = cluster.join(drover);
                Fleet fleet = cluster.attach(TargetSelection.fleet(drover, cluster.registry(drover), shard.shard, null,
                        null, UnaryOperator.identity()))) {
            FleetStatus status = fleet.status();
            report.write(drover, () -> status, (format, model, file) -> ReportFormat.writeText(file,
                    format == ReportFormat.HTML ? HtmlStatusReport.render(model) : StatusRenderer.json(model)));
            if (drover.options().format() == GlobalOptions.OutputFormat.json) {
                drover.environment().out().println(StatusRenderer.json(status));
            } else {
                StatusRenderer.text(status, drover.environment().out());
            }
            return status.allReadable() ? ExitCodes.OK : ExitCodes.TARGETS_FAILED;
        }
    }
}
