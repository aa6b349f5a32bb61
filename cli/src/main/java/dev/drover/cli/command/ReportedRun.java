package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.ProgressLine;
import dev.drover.cli.render.RunRenderer;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.Cancellation;
import dev.drover.orchestrator.fleet.FleetListener;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetResult;
import dev.drover.orchestrator.fleet.RolloutPolicy;
import dev.drover.orchestrator.report.ReportJson;
import dev.drover.orchestrator.report.RunReport;
import dev.drover.orchestrator.report.RunReports;
import dev.drover.orchestrator.report.Placement;
import java.util.function.Supplier;

/**
 * A fleet run as every fleet command shows it: the progress line on stderr, Ctrl-C cancelling
 * the rollout, the JSON or HTML report in {@code --report FILE}, and the text or JSON summary on stdout.
 */
final class ReportedRun {

    private ReportedRun() {}

    /** Runs {@code operation} on {@code fleet} under {@code policy} and returns the exit code of the result. */
    static int run(CommandContext drover, Fleet fleet, FleetOperation operation, RolloutPolicy policy, ReportOption report) {
        return run(drover, fleet, operation, policy, report, () -> Placement.LOCAL);
    }

    /** As above; {@code placement} names the node of each target of a cluster run ({@code --cluster}). */
    static int run(CommandContext drover, Fleet fleet, FleetOperation operation, RolloutPolicy policy, ReportOption report,
            Supplier<Placement> placement) {
        GlobalOptions options = drover.options();
        Cancellation cancellation = new Cancellation();
        ProgressLine progress = new ProgressLine(drover.environment().err(), drover.environment().terminal(),
                () -> drover.environment().clock().millis());
        FleetListener listener = options.progress() ? progress : FleetListener.NONE;
        FleetResult result;
        try (Interrupts interrupts = Interrupts.cancelOnCtrlC(cancellation)) {
            result = fleet.run(operation, policy, listener, cancellation);
            progress.close();
            fleet.recordingProblems().forEach(drover::warn);
            RunReport runReport = RunReports.from(result, placement.get());
            report.write(drover, runReport);
            if (options.format() == GlobalOptions.OutputFormat.json) {
                drover.environment().out().println(ReportJson.toJson(runReport));
            } else if (!options.quiet() || result.exitCode() != 0) {
                RunRenderer.render(runReport, options.verbose(), drover.environment().out());
            }
            drover.environment().out().flush();
        }
        return result.exitCode();
    }
}
