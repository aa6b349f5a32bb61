package dev.drover.orchestrator.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run report as one self-contained HTML page ({@code --report run.html}): the summary, a timeline of every
 * target per server, the slowest targets and every failure. Built from the same {@link RunReport} the JSON is
 * written from. Nothing is loaded from elsewhere (no network, fonts or external scripts): the tables are plain
 * HTML, and a small inline script draws the timeline as SVG from the targets embedded as JSON, so a page of
 * 10,000 targets stays a few megabytes at most and draws in well under a second.
 */
public final class HtmlReport {

    /** How many of the slowest targets are listed. */
    static final int SLOWEST = 20;

    private HtmlReport() {}

    /** The page for {@code report}. */
    public static String render(RunReport report) {
        HtmlPage page = new HtmlPage("drover " + report.command() + " " + nullToEmpty(report.destination()));
        page.raw("<p class=\"meta\">run <code>").text(report.runId()).raw("</code>");
        if (report.tag() != null) {
            page.raw(" · tag <code id=\"tag\">").text(report.tag()).raw("</code>");
        }
        page.raw(" · started ").text(String.valueOf(report.startedAt()))
                .raw(" · finished ").text(String.valueOf(report.finishedAt()))
                .raw(" · <span id=\"duration\" data-ms=\"" + report.durationMs() + "\">")
                .text(HtmlPage.millis(report.durationMs())).raw("</span></p>\n");
        summary(page, report.summary());
        timeline(page, report);
        slowest(page, report.targets());
        failures(page, report.targets());
        throttles(page, report.throttles());
        return page.finish();
    }

    private static void summary(HtmlPage page, RunReport.Summary s) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("targets", s.targets());
        counts.put("succeeded", s.succeeded());
        counts.put("unchanged", s.unchanged());
        counts.put("failed", s.failed());
        counts.put("lockTimeout", s.lockTimeout());
        counts.put("throttled", s.throttled());
        counts.put("skipped", s.skipped());
        counts.put("cancelled", s.cancelled());
        counts.put("inDoubt", s.inDoubt());
        page.raw("<h2>Summary</h2>\n<table id=\"summary\" class=\"counts\"><tr>");
        counts.keySet().forEach(name -> page.raw("<th class=\"st-" + name + "\">").text(name).raw("</th>"));
        page.raw("</tr><tr>");
        counts.forEach((name, n) -> page.raw("<td data-count=\"" + name + "\">" + n + "</td>"));
        page.raw("</tr></table>\n");
    }

    /**
     * The timeline's data: one row per target as {@code [key, server, startMs, durationMs, status, wave, retries]},
     * servers and statuses as indices into their lists; targets that never started are left out (the summary
     * counts them).
     */
    static Map<String, Object> timelineData(RunReport report) {
        List<String> servers = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (RunReport.Target t : report.targets()) {
            if (t.startMs() == null) {
                continue;
            }
            String server = t.server() == null ? t.database() : t.server();
            if (!servers.contains(server)) {
                servers.add(server);
            }
            if (!statuses.contains(t.status())) {
                statuses.add(t.status());
            }
            int retries = t.steps().stream().mapToInt(RunReport.Step::lockRetries).sum()
                    + (t.error() != null && t.error().attempts() != null ? t.error().attempts() - 1 : 0);
            rows.add(List.of(t.key(), servers.indexOf(server), t.startMs(), t.durationMs(),
                    statuses.indexOf(t.status()), t.wave(), retries));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("durationMs", report.durationMs());
        data.put("servers", servers);
        data.put("statuses", statuses);
        data.put("targets", rows);
        return data;
    }

    private static void timeline(HtmlPage page, RunReport report) {
        Map<String, Object> data = timelineData(report);
        int drawn = ((List<?>) data.get("targets")).size();
        page.raw("<h2>Timeline</h2>\n<p class=\"note\">One row per connection slot of each server; a bar per target "
                + "from its start to its end, coloured by status; a dashed line where the canary ends or a wave "
                + "begins; a ring marks a target that retried after a lock timeout. Hover a bar for its target. "
                + drawn + " of " + report.targets().size() + " targets started.</p>\n");
        page.raw("<div id=\"timeline\" data-targets=\"" + drawn + "\"><noscript>The timeline needs JavaScript; "
                + "the tables below do not.</noscript></div>\n");
        page.data("drover-timeline", ReportJson.toCompactJson(data));
        page.script(HtmlPage.resource("timeline.js"));
    }

    private static void slowest(HtmlPage page, List<RunReport.Target> targets) {
        List<RunReport.Target> slow = targets.stream().filter(t -> t.startMs() != null)
                .sorted(Comparator.comparingLong(RunReport.Target::durationMs).reversed()).limit(SLOWEST).toList();
        page.raw("<h2>Slowest targets</h2>\n<table id=\"slowest\"><tr><th>target</th><th>status</th>"
                + "<th>duration</th><th>steps</th><th>from</th><th>to</th></tr>\n");
        for (RunReport.Target t : slow) {
            page.raw("<tr><td>").text(t.key()).raw("</td><td class=\"st-" + t.status() + "\">").text(t.status())
                    .raw("</td><td data-ms=\"" + t.durationMs() + "\">").text(HtmlPage.millis(t.durationMs()))
                    .raw("</td><td>" + t.steps().size() + "</td><td>").text(heads(t.from()))
                    .raw("</td><td>").text(heads(t.to())).raw("</td></tr>\n");
        }
        page.raw("</table>\n");
    }

    private static void failures(HtmlPage page, List<RunReport.Target> targets) {
        List<RunReport.Target> failed = targets.stream().filter(t -> t.error() != null).toList();
        page.raw("<h2>Failures (<span id=\"failure-count\">" + failed.size() + "</span>)</h2>\n");
        if (failed.isEmpty()) {
            page.raw("<p>None.</p>\n");
            return;
        }
        page.raw("<table id=\"failures\"><tr><th>target</th><th>status</th><th>revision</th><th>statement</th>"
                + "<th>line</th><th>SQLSTATE</th><th>error</th></tr>\n");
        for (RunReport.Target t : failed) {
            RunReport.Error e = t.error();
            page.raw("<tr><td>").text(t.key()).raw("</td><td class=\"st-" + t.status() + "\">").text(t.status())
                    .raw("</td><td>").text(nullToEmpty(e.revision())).raw("</td><td>").text(nullToEmpty(e.statement()))
                    .raw("</td><td>").text(nullToEmpty(e.line())).raw("</td><td>").text(nullToEmpty(e.sqlState()))
                    .raw("</td><td class=\"message\">").text(nullToEmpty(e.message())).raw("</td></tr>\n");
        }
        page.raw("</table>\n");
    }

    private static void throttles(HtmlPage page, List<RunReport.Throttle> throttles) {
        if (throttles.isEmpty()) {
            return;
        }
        page.raw("<h2>Throttled servers</h2>\n<table id=\"throttles\"><tr><th>server</th><th>pauses</th>"
                + "<th>paused</th><th>reason</th><th>gave up</th></tr>\n");
        for (RunReport.Throttle t : throttles) {
            page.raw("<tr><td>").text(t.server()).raw("</td><td>" + t.pauses() + "</td><td>")
                    .text(HtmlPage.millis(t.pausedMs())).raw("</td><td>").text(nullToEmpty(t.reason()))
                    .raw("</td><td>" + (t.gaveUp() ? "yes" : "no") + "</td></tr>\n");
        }
        page.raw("</table>\n");
    }

    private static String heads(List<String> heads) {
        return heads.isEmpty() ? "<base>" : String.join(", ", heads);
    }

    static String nullToEmpty(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
