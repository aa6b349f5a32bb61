package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.DryRunReport;
import dev.drover.api.Operation;
import dev.drover.api.Rollout;
import dev.drover.api.Selection;
import dev.drover.api.TargetHost;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.RunRenderer;
import dev.drover.orchestrator.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code --dry-run}, one {@link Drover#dryRun(Operation, Selection, Rollout)} call: reads current revisions,
 * executes nothing, writes each target's pending SQL and the plan ({@code repair}, which runs no SQL: the
 * revisions it would accept per target).
 */
final class DryRun {

    private DryRun() {}

    /**
     * @param strict refuse (exit 2) on open lint findings, as the run would
     * @param host   where the targets are read ({@code --cluster}), or {@code null}
     */
    static int run(CommandContext drover, Operation operation, Selection selection, Rollout rollout, Path sqlDir,
            ReportOption reportFile, boolean strict, TargetHost host) {
        DryRunReport dry;
        try (Drover api = ApiClient.open(drover, new RunListener(drover, null, operation.command(), strict), host)) {
            dry = api.dryRun(operation, selection, rollout);
        }
        RunReport report = dry.plan().report();
        reportFile.write(drover, report);
        if (drover.options().format() == GlobalOptions.OutputFormat.json) {
            drover.environment().out().println(dry.plan().toJson());
        } else if (operation.equals(Operation.repair())) {
            RunRenderer.targets(report, false, drover.environment().out());
        } else {
            SqlOutput.write(drover, dry, sqlDir);
        }
        PrintWriter err = drover.environment().err();
        RunReport.Summary s = report.summary();
        err.println("Dry run: " + s.skipped() + " of " + s.targets() + " target(s) would change, "
                + s.unchanged() + " with nothing to do" + (s.failed() > 0 ? ", " + s.failed() + " unreadable" : "")
                + "; nothing was executed");
        return s.failed() > 0 ? 1 : 0;
    }
}
