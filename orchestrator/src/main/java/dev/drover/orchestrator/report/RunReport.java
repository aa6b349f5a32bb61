package dev.drover.orchestrator.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * The JSON run report of DESIGN.md section 7 ({@code --report FILE}, {@code --format json}). Plain values:
 * build it with {@link RunReports#from}, write it with {@link ReportJson}, summarise it with {@link TextSummary}.
 */
@JsonPropertyOrder({"schemaVersion", "runId", "command", "destination", "startedAt", "finishedAt", "durationMs",
        "summary", "targets"})
public record RunReport(int schemaVersion, String runId, String command, String destination, Instant startedAt,
        Instant finishedAt, long durationMs, Summary summary, List<Target> targets) {

    /** The report format version written by this code. */
    public static final int SCHEMA_VERSION = 1;

    public RunReport {
        targets = List.copyOf(targets);
    }

    /** Counts by status; {@code targets} is their sum. */
    @JsonPropertyOrder({"targets", "succeeded", "unchanged", "failed", "skipped", "cancelled", "inDoubt"})
    public record Summary(int targets, int succeeded, int unchanged, int failed, int skipped, int cancelled,
            int inDoubt) {}

    /**
     * One target.
     *
     * @param url      without credentials or parameters
     * @param status   {@code succeeded}, {@code unchanged}, {@code failed}, {@code skipped}, {@code cancelled}, {@code in_doubt}
     * @param twoPhase two-phase commit details, or {@code null}
     */
    @JsonPropertyOrder({"key", "database", "tenant", "schema", "url", "status", "from", "to", "durationMs", "steps",
            "error", "twoPhase"})
    public record Target(String key, String database, String tenant, String schema, String url, String status,
            List<String> from, List<String> to, long durationMs, List<Step> steps, Error error,
            java.util.Map<String, Object> twoPhase) {

        public Target {
            from = List.copyOf(from);
            to = List.copyOf(to);
            steps = List.copyOf(steps);
        }
    }

    /** A revision that ran; {@code direction} is {@code upgrade} or {@code downgrade}. */
    @JsonPropertyOrder({"revision", "direction", "durationMs", "statements"})
    public record Step(String revision, String direction, long durationMs, int statements) {}

    /** Why a target failed; {@code statement} (1-based in its section), {@code line} and {@code sqlState} may be null. */
    @JsonPropertyOrder({"revision", "statement", "line", "sqlState", "message"})
    public record Error(String revision, Integer statement, Integer line, String sqlState, String message) {}
}
