package dev.drover.orchestrator.report;

import dev.drover.orchestrator.fleet.FleetStatus;
import java.util.List;
import java.util.Map;

/**
 * {@code drover status --report status.html}: the fleet by revision as one self-contained HTML page (counts, a
 * bar per revision), then every target that is not healthy (behind, changed, half-applied or unreadable).
 */
public final class HtmlStatusReport {

    private HtmlStatusReport() {}

    /** The page for {@code status}. */
    public static String render(FleetStatus status) {
        return render(status.targets().stream().map(v -> new Row(v.key(), v.heads(), v.pending(), v.changed(),
                v.unfinished(), v.error(), v.atHead(), v.healthy())).toList(), status.byRevision());
    }

    /**
     * One target of the page.
     *
     * @param key        the target key
     * @param heads      its heads (empty: base)
     * @param pending    revisions pending to head, -1 when unknown
     * @param changed    applied revisions whose script changed
     * @param unfinished revisions left half-way
     * @param error      why it could not be read, or {@code null}
     * @param atHead     readable and nothing pending
     * @param healthy    what {@code drover check} demands
     */
    public record Row(String key, List<String> heads, int pending, List<String> changed, List<String> unfinished,
            String error, boolean atHead, boolean healthy) {}

    /** The page for {@code status}, from the targets and their counts by revision label. */
    public static String render(List<Row> targets, Map<String, Integer> byRevision) {
        List<Row> unhealthy = targets.stream().filter(v -> !v.healthy()).toList();
        long atHead = targets.stream().filter(v -> v.error() == null && v.atHead()).count();
        long unreadable = targets.stream().filter(v -> v.error() != null).count();
        HtmlPage page = new HtmlPage("drover status");
        page.raw("<h2>Summary</h2>\n<table id=\"summary\" class=\"counts\"><tr><th>targets</th><th>at head</th>"
                + "<th>not healthy</th><th>unreadable</th><th>check</th></tr><tr>"
                + "<td data-count=\"targets\">" + targets.size() + "</td>"
                + "<td data-count=\"atHead\">" + atHead + "</td>"
                + "<td data-count=\"unhealthy\">" + unhealthy.size() + "</td>"
                + "<td data-count=\"unreadable\">" + unreadable + "</td>"
                + "<td>" + (unhealthy.isEmpty() ? "passes" : "fails") + "</td></tr></table>\n");
        int max = byRevision.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        page.raw("<h2>By revision</h2>\n<table id=\"by-revision\" class=\"bars\"><tr><th>revision</th>"
                + "<th>targets</th><th></th></tr>\n");
        byRevision.forEach((revision, count) -> page.raw("<tr><td>").text(revision)
                .raw("</td><td data-count=\"" + count + "\">" + count + "</td><td class=\"bar\" style=\"width:20em\">"
                        + "<div style=\"width:" + Math.max(1, 100L * count / max) + "%\"></div></td></tr>\n"));
        page.raw("</table>\n<h2>Not healthy (" + unhealthy.size() + ")</h2>\n");
        if (unhealthy.isEmpty()) {
            return page.raw("<p>Every target is at head with unchanged scripts.</p>\n").finish();
        }
        page.raw("<table id=\"unhealthy\"><tr><th>target</th><th>heads</th><th>pending</th><th>changed</th>"
                + "<th>half-applied</th><th>error</th></tr>\n");
        for (Row v : unhealthy) {
            page.raw("<tr><td>").text(v.key()).raw("</td><td>").text(v.heads().isEmpty() ? "<base>"
                    : String.join(", ", v.heads())).raw("</td><td>" + (v.pending() < 0 ? "" : v.pending()) + "</td><td>")
                    .text(String.join(", ", v.changed())).raw("</td><td>").text(String.join(", ", v.unfinished()))
                    .raw("</td><td class=\"message\">").text(HtmlReport.nullToEmpty(v.error())).raw("</td></tr>\n");
        }
        return page.raw("</table>\n").finish();
    }
}
