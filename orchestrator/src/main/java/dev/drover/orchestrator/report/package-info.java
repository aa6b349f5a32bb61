/**
 * The run report of DESIGN.md section 7: {@link dev.drover.orchestrator.report.RunReport} (plain records,
 * no Vert.x, no JDBC), built from a fleet result by {@link dev.drover.orchestrator.report.RunReports},
 * written by {@link dev.drover.orchestrator.report.ReportJson}, summarised by
 * {@link dev.drover.orchestrator.report.TextSummary}.
 */
package dev.drover.orchestrator.report;
