package dev.drover.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void documentHasTheDesignShapeAndValues() throws Exception {
        String json = ReportJson.toJson(RunReports.from(ReportFixture.result()));
        JsonNode root = new ObjectMapper().readTree(json);

        assertThat(fields(root)).containsExactly("schemaVersion", "runId", "command", "destination", "tag",
                "startedAt", "finishedAt", "durationMs", "summary", "throttles", "targets");
        assertThat(root.get("tag").isNull()).as("an untagged run").isTrue();
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("runId").asText()).isEqualTo("run-42");
        assertThat(root.get("command").asText()).isEqualTo("upgrade");
        assertThat(root.get("destination").asText()).isEqualTo("head");
        assertThat(root.get("startedAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(root.get("finishedAt").asText()).isEqualTo("2026-03-01T10:00:01.234Z");
        assertThat(root.get("durationMs").asLong()).isEqualTo(1234);

        JsonNode summary = root.get("summary");
        assertThat(fields(summary)).containsExactly("targets", "succeeded", "unchanged", "failed", "lockTimeout",
                "throttled", "skipped", "cancelled", "inDoubt");
        assertThat(summary.toString()).isEqualTo("{\"targets\":4,\"succeeded\":1,\"unchanged\":1,\"failed\":1,"
                + "\"lockTimeout\":0,\"throttled\":0,\"skipped\":1,\"cancelled\":0,\"inDoubt\":0}");
        assertThat(root.get("throttles").toString()).isEqualTo("[]");

        JsonNode failed = root.get("targets").get(1);
        assertThat(fields(failed)).containsExactly("key", "database", "tenant", "schema", "url", "server", "status",
                "from", "to", "startMs", "durationMs", "wave", "throttleWaitMs", "steps", "error", "twoPhase");
        assertThat(failed.get("server").asText()).isEqualTo("jdbc:postgresql://127.0.0.1:5432");
        assertThat(failed.get("startMs").isNull()).as("the fixture's outcomes carry no timing").isTrue();
        assertThat(failed.get("wave").asInt()).isEqualTo(1);
        assertThat(failed.get("key").asText()).isEqualTo("billing/globex");
        assertThat(failed.get("database").asText()).isEqualTo("billing");
        assertThat(failed.get("tenant").asText()).isEqualTo("globex");
        assertThat(failed.get("schema").asText()).isEqualTo("globex");
        assertThat(failed.get("url").asText()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/billing");
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").toString()).isEqualTo("{\"revision\":\"3c4d5e6f7a8b\",\"statement\":3,\"line\":17,"
                + "\"sqlState\":\"42P07\",\"kind\":null,\"attempts\":null,\"blockers\":[],"
                + "\"message\":\"relation \\\"invoices\\\" already exists\"}");
        assertThat(failed.get("twoPhase").isNull()).isTrue();

        JsonNode ok = root.get("targets").get(0);
        assertThat(ok.get("error").isNull()).isTrue();
        assertThat(ok.get("from").toString()).isEqualTo("[\"1a2b3c4d5e6f\"]");
        assertThat(ok.get("steps").toString()).isEqualTo(
                "[{\"revision\":\"3c4d5e6f7a8b\",\"direction\":\"upgrade\",\"durationMs\":12,\"statements\":3,"
                        + "\"lockRetries\":0}]");
        assertThat(root.get("targets").get(3).get("status").asText()).isEqualTo("skipped");
        assertThat(json).doesNotContain("s3cret").doesNotContain("admin");
    }

    @Test
    void lockTimeoutsRetriesAndThrottlesHaveTheirOwnStatusesAndDetails() throws Exception {
        RunReport report = RunReports.from(ReportFixture.live());
        JsonNode root = new ObjectMapper().readTree(ReportJson.toJson(report));

        assertThat(root.get("summary").get("lockTimeout").asInt()).isEqualTo(1);
        assertThat(root.get("summary").get("throttled").asInt()).isEqualTo(1);
        assertThat(root.get("throttles").toString()).isEqualTo("[{\"server\":\"db:5432\",\"pauses\":2,"
                + "\"pausedMs\":301500,\"reason\":\"throttle_query 12 > 10\",\"gaveUp\":true}]");
        JsonNode retried = root.get("targets").get(0);
        assertThat(retried.get("throttleWaitMs").asLong()).isEqualTo(1500);
        assertThat(retried.get("steps").get(0).get("lockRetries").asInt()).isEqualTo(2);
        JsonNode blocked = root.get("targets").get(1);
        assertThat(blocked.get("status").asText()).isEqualTo("lock_timeout");
        assertThat(blocked.get("error").get("kind").asText()).isEqualTo("lock_timeout");
        assertThat(blocked.get("error").get("attempts").asInt()).isEqualTo(4);
        assertThat(blocked.get("error").get("blockers").toString()).isEqualTo("[{\"pid\":4242,\"application\":\"psql\","
                + "\"user\":\"app\",\"state\":\"idle in transaction\",\"queryStart\":\"2026-03-01T09:59:00Z\","
                + "\"transactionStart\":\"2026-03-01T09:58:00Z\",\"certain\":true}]");
        assertThat(root.get("targets").get(2).get("status").asText()).isEqualTo("throttled");
        assertThat(root.get("targets").get(2).get("error").get("kind").asText()).isEqualTo("throttled");
        assertThat(ReportJson.read(ReportJson.toJson(report))).isEqualTo(report);
    }

    @Test
    void writesAFileThatReadsBackEqual(@TempDir Path dir) throws Exception {
        RunReport report = RunReports.from(ReportFixture.result());
        Path file = dir.resolve("out/report.json");

        ReportJson.write(report, file);

        assertThat(ReportJson.read(Files.readString(file))).isEqualTo(report);
    }
}
