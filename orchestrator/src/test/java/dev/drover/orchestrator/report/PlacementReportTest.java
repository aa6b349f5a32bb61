package dev.drover.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster's additions to the report: "node" per target and "reassigned", absent from a local run. */
class PlacementReportTest {

    @Test
    void aClusterRunNamesTheNodeOfEveryTargetAndListsReassignedTargets() throws Exception {
        Map<String, String> nodes = new HashMap<>();
        ReportFixture.result().outcomes().forEach(o -> nodes.put(o.key(), "agent-" + o.target().tenant()));
        String firstKey = ReportFixture.result().outcomes().get(0).key();
        RunReport report = RunReports.from(ReportFixture.result(),
                new Placement(nodes, List.of(new RunReport.Reassignment(firstKey, "agent-x", "agent-y"))));

        JsonNode root = new ObjectMapper().readTree(ReportJson.toJson(report));

        assertThat(root.get("reassigned").get(0).toString())
                .isEqualTo("{\"key\":\"" + firstKey + "\",\"from\":\"agent-x\",\"to\":\"agent-y\"}");
        for (JsonNode target : root.get("targets")) {
            assertThat(target.get("node").asText()).isEqualTo("agent-" + target.get("tenant").asText());
        }
        assertThat(ReportJson.read(ReportJson.toJson(report))).isEqualTo(report);
        assertThat(JsonSchemaSubset.reportSchema().validate(ReportJson.toJson(report))).isEmpty();
        assertThat(TextSummary.render(report)).contains("reassigned (their node was lost):\n  " + firstKey
                + "  agent-x -> agent-y\n");
    }

    @Test
    void aLocalRunHasNeitherNodeNorReassigned() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ReportJson.toJson(RunReports.from(ReportFixture.result())));

        assertThat(root.has("reassigned")).isFalse();
        root.get("targets").forEach(t -> assertThat(t.has("node")).isFalse());
    }
}
