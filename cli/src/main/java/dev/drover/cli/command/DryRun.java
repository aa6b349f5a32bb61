package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.RunRenderer;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.report.ReportJson;
import dev.drover.orchestrator.report.RunReport;
import dev.drover.orchestrator.report.RunReports;
import java.io.PrintWriter;
import dev.drover.orchestrator.report.Placement;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * {@code --dry-run}: reads current revisions, executes nothing, writes each target's pending SQL and the
 * plan ({@code repair}, which runs no SQL: the revisions it would accept per target).
 */
final class DryRun {

    private DryRun() {}

    /** @param placement where each target would run ({@code --cluster}: the agent of its zone that read it) */
    static int run(CommandContext drover, Fleet fleet, FleetOperation operation, Path sqlDir, ReportOption reportFile,
            Supplier<Placement> placement) {
        Fleet.DryRun dry = fleet.dryRun(operation);
        Placement where = placement.get();
        RunReport report = RunReports.from(dry.plan(), where);
        reportFile.write(drover, report);
        if (drover.options().format() == GlobalOptions.OutputFormat.json) {
            drover.environment().out().println(ReportJson.toJson(report));
        } else if (operation instanceof FleetOperation.Repair) {
            RunRenderer.targets(report, false, drover.environment().out());
        } else {
            SqlOutput.write(drover, fleet, dry.sql(), sqlDir, where.nodes());
        }
        PrintWriter err = drover.environment().err();
        RunReport.Summary s = report.summary();
        err.println("Dry run: " + s.skipped() + " of " + s.targets() + " target(s) would change, "
                + s.unchanged() + " with nothing to do" + (s.failed() > 0 ? ", " + s.failed() + " unreadable" : "")
                + "; nothing was executed");
        return s.failed() > 0 ? 1 : 0;
    }
}
