package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What commands print, without a database: {@code --format json} on every script-only command (and
 * a refusal where JSON makes no sense), {@code targets} showing two_phase only where it exists, and
 * one warning for Python files in a version location.
 */
class OutputFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void initProject() {
        cli = new CliRun(tmp);
        assertThat(cli.run("init", "demo", "--template", "multitenant").exitCode()).isZero();
    }

    @Test
    void scriptCommandsPrintJsonDocuments() throws IOException {
        JsonNode init = json("init", "other", "--template", "multitenant", "--format", "json");
        assertThat(init.path("template").asText()).isEqualTo("multitenant");
        assertThat(init.path("config").asText()).endsWith("drover.ini");
        assertThat(init.path("created")).anyMatch(p -> p.asText().endsWith("1a2b3c4d5e6f_create_accounts.sql"));
        assertThat(json("list-templates", "--format", "json").path("templates").findValuesAsText("name"))
                .containsExactly("generic", "multidb", "multitenant");

        JsonNode revision = json("-c", "demo/drover.ini", "--format", "json", "revision", "-m", "side", "--head", "base",
                "--branch-label", "side");
        assertThat(Files.readString(Path.of(revision.path("path").asText()))).contains("-- revision: "
                + revision.path("revision").asText());
        JsonNode heads = json("-c", "demo/drover.ini", "heads", "--format", "json").path("lineages").get(0);
        assertThat(heads.path("sections").get(0).asText()).isEqualTo("app");
        assertThat(heads.path("heads").findValuesAsText("id"))
                .containsExactlyInAnyOrder("2b3c4d5e6f7a", revision.path("revision").asText());
        assertThat(heads.path("heads").get(0).path("path").asText()).endsWith(".sql");
        JsonNode merge = json("-c", "demo/drover.ini", "merge", "heads", "-m", "join", "--format", "json");
        assertThat(merge.path("revision").asText()).isNotBlank();

        JsonNode history = json("-c", "demo/drover.ini", "history", "--format", "json").path("lineages").get(0);
        assertThat(history.path("revisions").get(0).path("id").asText()).isEqualTo(merge.path("revision").asText());
        assertThat(history.path("revisions").get(0).path("mergePoint").asBoolean()).isTrue();
        assertThat(history.path("revisions").get(0).path("current").asBoolean()).isFalse();
        JsonNode branches = json("-c", "demo/drover.ini", "branches", "--format", "json").path("lineages").get(0);
        assertThat(branches.path("branchPoints")).isEmpty();
        JsonNode show = json("-c", "demo/drover.ini", "show", "1a2b", "--format", "json");
        assertThat(show.path("revisions").get(0).path("nextRevisions").get(0).asText()).isEqualTo("2b3c4d5e6f7a");
    }

    @Test
    void jsonIsRefusedWhereItMeansNothingBeforeAnythingRuns() {
        CliRun.Result edit = cli.run("-c", "demo/drover.ini", "edit", "head", "--format", "json");
        assertThat(edit.exitCode()).isEqualTo(2);
        assertThat(edit.err()).contains("'edit'", "drop --format json");
        assertThat(cli.edited).isEmpty();
        CliRun.Result sql = cli.run("-c", "demo/drover.ini", "upgrade", "head", "--sql", "--format", "json");
        assertThat(sql.exitCode()).isEqualTo(2);
        assertThat(sql.err()).contains("--sql writes SQL, not JSON");
        assertThat(sql.out()).isEmpty();
    }

    @Test
    void targetsShowTwoPhaseOnlyWhereItExistsAndWarnWhereItIsRefused() throws IOException {
        Files.writeString(tmp.resolve("fleet.ini"), """
                [drover]
                databases = pg, maria
                [DEFAULT]
                two_phase = true
                version_locations = %(here)s/demo/migrations/versions
                [pg]
                url = jdbc:postgresql://127.0.0.1:5432/billing
                [maria]
                url = jdbc:mariadb://127.0.0.1:3306/crm
                tenants = acme
                """);
        CliRun.Result text = cli.run("-c", "fleet.ini", "targets");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).containsPattern("\\npg +pg .* yes +jdbc:postgresql")
                .containsPattern("\\nmaria/acme +maria .* - +jdbc:mariadb");
        assertThat(text.err()).contains("WARNING: ", "fleet.ini:", "section 'maria' sets two_phase = true on mariadb",
                "set two_phase = false");
        JsonNode json = JSON.readTree(cli.run("-c", "fleet.ini", "targets", "--format", "json").out());
        assertThat(json.path("targets").get(0).path("twoPhase").asBoolean()).isTrue();
        assertThat(json.path("targets").get(1).path("twoPhase").isNull()).isTrue();
        assertThat(json.path("warnings").get(0).asText()).contains("section 'maria' sets two_phase = true");
    }

    @Test
    void pythonFilesInAVersionLocationGiveOneWarningNamingThem() throws IOException {
        Path versions = tmp.resolve("demo/migrations/versions");
        Files.writeString(versions.resolve("ae1027a6acf_add_users.py"), "revision = 'ae1027a6acf'\n");
        Files.writeString(versions.resolve("b4f2_add_orders.py"), "revision = 'b4f2'\n");
        Files.createDirectories(versions.resolve("__pycache__"));

        CliRun.Result heads = cli.run("-c", "demo/drover.ini", "history", "-v");
        assertThat(heads.exitCode()).as(heads.toString()).isZero();
        assertThat(heads.err().lines().filter(l -> l.startsWith("WARNING: ")).toList()).singleElement().asString()
                .contains("2 Python file(s)", "ae1027a6acf_add_users.py", "b4f2_add_orders.py", ".sql scripts")
                .doesNotContain("__pycache__");
        CliRun.Result sql = cli.run("-c", "demo/drover.ini", "upgrade", "--sql");
        assertThat(sql.exitCode()).as(sql.toString()).isZero();
        assertThat(sql.err()).contains("WARNING: 2 Python file(s)");
    }

    private JsonNode json(String... args) throws IOException {
        CliRun.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return JSON.readTree(result.out());
    }
}
