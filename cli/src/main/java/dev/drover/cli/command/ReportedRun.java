package dev.drover.cli.command;

import dev.drover.api.CancelToken;
import dev.drover.api.Drover;
import dev.drover.api.FleetReport;
import dev.drover.api.Operation;
import dev.drover.api.Rollout;
import dev.drover.api.Selection;
import dev.drover.api.TargetHost;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.ProgressLine;
import dev.drover.cli.render.RunRenderer;
import dev.drover.orchestrator.report.RunReport;

/**
 * A fleet run as every fleet command shows it, made by one {@link Drover#run} call: the lint warnings and the
 * progress line on stderr, Ctrl-C cancelling the rollout, the JSON or HTML report in {@code --report FILE}, and
 * the text or JSON summary on stdout.
 */
final class ReportedRun {

    private ReportedRun() {}

    /**
     * Runs {@code operation} on the selected targets under {@code rollout} and returns the exit code of the result.
     *
     * @param strict refuse (exit 2, nothing changed) on open lint findings
     * @param host   where the targets run ({@code --cluster}), or {@code null} for this process
     */
    static int run(CommandContext drover, Operation operation, Selection selection, Rollout rollout,
            ReportOption report, boolean strict, TargetHost host) {
        GlobalOptions options = drover.options();
        CancelToken cancel = new CancelToken();
        ProgressLine progress = new ProgressLine(drover.environment().err(), drover.environment().terminal(),
                () -> drover.environment().clock().millis());
        RunListener listener = new RunListener(drover, options.progress() ? progress : null, operation.command(), strict);
        FleetReport result;
        try (Interrupts interrupts = Interrupts.cancelOnCtrlC(cancel::cancel)) {
            try (Drover api = ApiClient.open(drover, listener, host)) {
                result = api.run(operation, selection, rollout.cancelledBy(cancel));
            }
            progress.close();
            RunReport runReport = result.report();
            report.write(drover, runReport);
            if (options.format() == GlobalOptions.OutputFormat.json) {
                drover.environment().out().println(result.toJson());
            } else if (!options.quiet() || result.exitCode() != 0) {
                RunRenderer.render(runReport, options.verbose(), drover.environment().out());
            }
            drover.environment().out().flush();
        }
        return result.exitCode();
    }
}
