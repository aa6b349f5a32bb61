/**
 * The run report of docs/report.md: {@link dev.drover.orchestrator.report.RunReport} (plain records,
 * no Vert.x, no JDBC), built from a fleet result by {@link dev.drover.orchestrator.report.RunReports},
 * written by {@link dev.drover.orchestrator.report.ReportJson}, summarised by
 * {@link dev.drover.orchestrator.report.TextSummary}.
 */
package dev.drover.orchestrator.report;
