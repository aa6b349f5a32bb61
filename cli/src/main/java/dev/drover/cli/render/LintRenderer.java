package dev.drover.cli.render;

import dev.drover.api.LintFinding;
import dev.drover.orchestrator.lint.Finding;
import dev.drover.orchestrator.report.ReportJson;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lint findings: {@code drover lint} output (text or JSON), and the warnings before an upgrade. */
public final class LintRenderer {

    private LintRenderer() {}

    /** Each finding with why and the safe rewrite; silenced ones only with {@code verbose}; then a count. */
    public static void render(List<LintFinding> findings, boolean verbose, PrintWriter out) {
        for (LintFinding f : findings) {
            if (f.silenced() == null) {
                out.println(f.file() + ":" + f.line() + ": " + f.rule() + " (" + f.dialect() + ", " + f.direction()
                        + " of " + f.revision() + ")");
                out.println("  why:  " + f.why());
                out.println("  safe: " + f.rewrite());
            } else if (verbose) {
                out.println(f.file() + ":" + f.line() + ": " + f.rule() + " silenced: " + f.silenced());
            }
        }
        long open = unsilenced(findings);
        long silenced = findings.size() - open;
        out.println(open == 0 ? "lint: nothing found" + (silenced > 0 ? " (" + silenced + " silenced)" : "")
                : "lint: " + open + " finding(s)" + (silenced > 0 ? ", " + silenced + " silenced" : "")
                        + "; make each safe, or silence it with '-- lint_ignore: RULE why it is safe' in its script's header");
    }

    /** {@code {"findings": [...], "summary": {"findings": N, "silenced": M}}}, silenced findings included. */
    public static String json(List<LintFinding> findings) {
        long open = unsilenced(findings);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("findings", findings);
        document.put("summary", Map.of("findings", open, "silenced", findings.size() - open));
        return ReportJson.toJson(document);
    }

    /** Findings not silenced ({@code drover lint} exits 1 when there are any). */
    public static long unsilenced(List<LintFinding> findings) {
        return findings.stream().filter(f -> f.silenced() == null).count();
    }

    /**
     * One warning line per unsilenced finding, for stderr before a run.
     *
     * @return how many findings are not silenced
     */
    public static long warn(List<LintFinding> findings, PrintWriter err) {
        long open = 0;
        for (LintFinding f : findings) {
            if (f.silenced() == null) {
                open++;
                err.println("WARNING: lint: " + f.file() + ":" + f.line() + ": " + f.rule() + " (" + f.dialect() + ", "
                        + f.direction() + "): " + f.why() + "; safe: " + f.rewrite() + " (or silence it with "
                        + "'-- lint_ignore: " + f.rule() + " <why it is safe>' in its header)");
            }
        }
        return open;
    }

    /** Findings not silenced. */
    public static long open(List<Finding> findings) {
        return findings.stream().filter(f -> !f.ignored()).count();
    }
}
