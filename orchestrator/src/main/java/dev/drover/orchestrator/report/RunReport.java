package dev.drover.orchestrator.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * The JSON run report of docs/report.md ({@code --report FILE}, {@code --format json}). Plain values:
 * {@code tag} is the run's {@code --tag} (or {@code null}); build it with {@link RunReports#from}, write it with
 * {@link ReportJson}, summarise it with {@link TextSummary}.
 */
@JsonPropertyOrder({"schemaVersion", "runId", "command", "destination", "tag", "startedAt", "finishedAt", "durationMs",
        "summary", "throttles", "targets"})
public record RunReport(int schemaVersion, String runId, String command, String destination, String tag,
        Instant startedAt,
        Instant finishedAt, long durationMs, Summary summary, List<Throttle> throttles, List<Target> targets) {

    /** The report format version written by this code. */
    public static final int SCHEMA_VERSION = 1;

    public RunReport {
        throttles = throttles == null ? List.of() : List.copyOf(throttles);
        targets = List.copyOf(targets);
    }

    /** Counts by status; {@code targets} is their sum. */
    @JsonPropertyOrder({"targets", "succeeded", "unchanged", "failed", "lockTimeout", "throttled", "skipped",
            "cancelled", "inDoubt"})
    public record Summary(int targets, int succeeded, int unchanged, int failed, int lockTimeout, int throttled,
            int skipped, int cancelled, int inDoubt) {}

    /**
     * A server whose throttle held work back: how often, for how long in all, the last measurement over its
     * limit, and whether it gave up (its remaining targets are {@code throttled}).
     */
    @JsonPropertyOrder({"server", "pauses", "pausedMs", "reason", "gaveUp"})
    public record Throttle(String server, int pauses, long pausedMs, String reason, boolean gaveUp) {}

    /**
     * One target.
     *
     * @param url      without credentials or parameters
     * @param server   the server it ran on ({@code host:port}, or the database of an embedded one): the report's
     *                 timeline has a row per server
     * @param status   {@code succeeded}, {@code unchanged}, {@code failed}, {@code lock_timeout}, {@code throttled},
     *                 {@code skipped}, {@code cancelled}, {@code in_doubt}
     * @param startMs  when it started, in milliseconds after {@code startedAt}; {@code null} when it never started
     * @param wave     its rollout phase: {@code 0} the canary, {@code 1..n} the waves (1 without waves)
     * @param throttleWaitMs how long it waited between revisions for its server's throttle
     * @param twoPhase two-phase commit details, or {@code null}
     */
    @JsonPropertyOrder({"key", "database", "tenant", "schema", "url", "server", "status", "from", "to", "startMs", "durationMs",
            "wave", "throttleWaitMs", "steps", "error", "twoPhase"})
    public record Target(String key, String database, String tenant, String schema, String url, String server,
            String status, List<String> from, List<String> to, Long startMs, long durationMs, int wave, long throttleWaitMs,
            List<Step> steps, Error error, java.util.Map<String, Object> twoPhase) {

        public Target {
            from = List.copyOf(from);
            to = List.copyOf(to);
            steps = List.copyOf(steps);
        }
    }

    /**
     * A revision that ran; {@code direction} is {@code upgrade} or {@code downgrade}; {@code lockRetries} is how
     * often a lock timeout made it run again.
     */
    @JsonPropertyOrder({"revision", "direction", "durationMs", "statements", "lockRetries"})
    public record Step(String revision, String direction, long durationMs, int statements, int lockRetries) {}

    /**
     * Why a target failed; {@code statement} (1-based in its section), {@code line} and {@code sqlState} may be
     * null. {@code kind} is {@code lock_timeout}, {@code statement_timeout}, {@code throttled} or null (any other
     * failure); a lock timeout has its {@code attempts} and the {@code blockers} seen while it waited.
     */
    @JsonPropertyOrder({"revision", "statement", "line", "sqlState", "kind", "attempts", "blockers", "message"})
    public record Error(String revision, Integer statement, Integer line, String sqlState, String kind,
            Integer attempts, List<Blocker> blockers, String message) {

        public Error {
            blockers = blockers == null ? List.of() : List.copyOf(blockers);
        }
    }

    /**
     * A session seen blocking a statement while it waited for a lock: PostgreSQL backend pid or MariaDB
     * connection id, and what the database says of it; {@code certain} is false for a possible blocker.
     */
    @JsonPropertyOrder({"pid", "application", "user", "state", "queryStart", "transactionStart", "certain"})
    public record Blocker(long pid, String application, String user, String state, Instant queryStart,
            Instant transactionStart, boolean certain) {}
}
