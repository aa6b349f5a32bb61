package dev.drover.api;

import dev.drover.orchestrator.report.ReportJson;
import dev.drover.orchestrator.report.RunReport;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a fleet run: the run report of DESIGN.md section 7 (the very value {@code --report FILE}
 * and {@code --format json} are written from) and the exit code the command line would return.
 *
 * @param report   every target's outcome, the counts and the throttles
 * @param exitCode 0 all targets ok; 1 a target failed or the rollout stopped; 3 a target lock was not
 *                 acquired in time; 4 two-phase transactions are in doubt (call {@link Drover#recover}); 130
 *                 cancelled
 */
public record FleetReport(RunReport report, int exitCode) {

    public FleetReport {
        Objects.requireNonNull(report, "report");
    }

    /** Whether every selected target is at the destination ({@code succeeded} or {@code unchanged}). */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Counts by status. */
    public RunReport.Summary summary() {
        return report.summary();
    }

    /** Every target in rollout order. */
    public List<RunReport.Target> targets() {
        return report.targets();
    }

    /** The report as JSON, exactly as {@code --report FILE} writes it. */
    public String toJson() {
        return ReportJson.toJson(report);
    }
}
