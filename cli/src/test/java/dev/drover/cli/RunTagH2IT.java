package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.report.JsonSchemaSubset;
import dev.drover.orchestrator.report.ReportJson;
import dev.drover.orchestrator.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tag}: recorded in the history rows (in their {@code run_id}, so a history table written before tags
 * existed keeps working), in the report, and as {@code ${tag}} in scripts.
 */
class RunTagH2IT {

    @TempDir
    Path dir;

    @Test
    void aTaggedRunRecordsItsTagNextToEarlierUntaggedRows() throws Exception {
        CliRun cli = new CliRun(dir);
        assertThat(cli.run("init", "demo", "--template", "multitenant").exitCode()).isZero();
        // An untagged run first: its history rows are the old format's.
        assertThat(cli.run("-c", "demo/drover.ini", "-t", "acme", "upgrade", "1a2b3c4d5e6f").exitCode()).isZero();
        Files.writeString(dir.resolve("demo/migrations/versions/3c4d5e6f7a8b_release.sql"), """
                -- revision: 3c4d5e6f7a8b
                -- down_revision: 2b3c4d5e6f7a
                -- message: remember the release

                -- drover:upgrade
                CREATE TABLE releases (tag VARCHAR(40));
                INSERT INTO releases VALUES ('${tag}');

                -- drover:downgrade
                DROP TABLE releases;
                """);

        CliRun.Result run = cli.run("-c", "demo/drover.ini", "-t", "acme", "--format", "json", "upgrade",
                "--tag", "release-42");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        RunReport report = ReportJson.read(run.out());
        assertThat(JsonSchemaSubset.reportSchema().validate(run.out())).as("docs/report.schema.json").isEmpty();
        assertThat(report.tag()).isEqualTo("release-42");
        assertThat(report.runId()).startsWith("release-42:");

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("demo/data/fleet"))) {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT revision, run_id FROM \"acme\".\"drover_history\" ORDER BY started_at")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).startsWith("1a2b3c4d5e6f ").doesNotContain("release-42");
            assertThat(rows.subList(1, 3)).allMatch(r -> r.endsWith(" " + report.runId()));
            try (ResultSet rs = c.createStatement().executeQuery("SELECT tag FROM \"acme\".RELEASES")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("release-42");
            }
        }

        CliRun.Result offline = cli.run("-c", "demo/drover.ini", "-t", "globex", "upgrade", "--tag", "release-42",
                "--sql");
        assertThat(offline.exitCode()).as(offline.toString()).isZero();
        assertThat(offline.out()).contains("'release-42:offline'").contains("VALUES ('release-42')");

        CliRun.Result bad = cli.run("-c", "demo/drover.ini", "upgrade", "--tag", "not a tag");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("tag 'not a tag'").contains("choose another --tag");
    }
}
