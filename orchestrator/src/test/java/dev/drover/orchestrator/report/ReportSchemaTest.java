package dev.drover.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/report.schema.json describes the reports this code writes, and rejects what it should. */
class ReportSchemaTest {

    @Test
    void reportsOfEveryStatusValidate() throws Exception {
        JsonSchemaSubset schema = JsonSchemaSubset.reportSchema();
        assertThat(schema.validate(ReportJson.toJson(RunReports.from(ReportFixture.result())))).isEmpty();
        assertThat(schema.validate(ReportJson.toJson(RunReports.from(ReportFixture.live())))).isEmpty();
        assertThat(schema.validate(ReportJson.toJson(SyntheticReports.fleet(50, 3, 2)))).isEmpty();
    }

    @Test
    void theSchemaRejectsAMissingFieldAWrongTypeAndAnUnknownStatus() throws Exception {
        JsonSchemaSubset schema = JsonSchemaSubset.reportSchema();
        String json = ReportJson.toJson(RunReports.from(ReportFixture.result()));
        assertThat(schema.validate(json.replaceFirst("\"runId\" : \"run-42\",", "")))
                .containsExactly("$: missing 'runId'");
        assertThat(schema.validate(json.replaceFirst("\"durationMs\" : 1234", "\"durationMs\" : \"1234\"")))
                .containsExactly("$.durationMs: expected [integer], got STRING");
        assertThat(schema.validate(json.replaceFirst("\"status\" : \"skipped\"", "\"status\" : \"gone\"")))
                .hasSize(1).allMatch(p -> p.startsWith("$.targets[3].status: \"gone\" is not one of"));
    }
}
