package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drover tenant add|remove} on the embedded H2 quick-start fleet, through the Java API. */
class TenantCommandTest {

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void initProject() {
        cli = new CliRun(tmp);
        assertThat(cli.run("init", "demo", "--template", "multitenant").exitCode()).isZero();
    }

    @Test
    void addCreatesAndMigratesANewTenantAndRemoveDropsItOnlyWithDrop() throws Exception {
        CliRun.Result added = cli.run("-c", "demo/drover.ini", "tenant", "add", "newco");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out()).contains("app/newco").contains("schema created and at head");
        assertThat(added.err()).contains("WARNING: tenant 'newco' is not among the tenants of section [app] yet");
        assertThat(schemaExists("newco")).isTrue();

        CliRun.Result again = cli.run("-c", "demo/drover.ini", "--format", "json", "tenant", "add", "newco", "--name", "app");
        JsonNode json = new ObjectMapper().readTree(again.out());
        assertThat(json.path("created").asBoolean()).isFalse();
        assertThat(json.path("home").asText()).as("the tenant's home, as Onboarding.home()").isEqualTo("schema");
        assertThat(json.path("oneTransaction").isBoolean()).as("H2 commits DDL at once: never one transaction").isTrue();
        assertThat(json.path("oneTransaction").asBoolean()).isFalse();
        assertThat(json.path("report").path("summary").path("unchanged").asInt()).isEqualTo(1);

        CliRun.Result refused = cli.run("-c", "demo/drover.ini", "tenant", "remove", "newco");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("add --drop");
        assertThat(schemaExists("newco")).isTrue();

        CliRun.Result removed = cli.run("-c", "demo/drover.ini", "tenant", "remove", "newco", "--drop");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(schemaExists("newco")).isFalse();
    }

    @Test
    void aHostileNameOrAnUnknownSectionIsRefusedWithExit2() throws Exception {
        CliRun.Result hostile = cli.run("-c", "demo/drover.ini", "tenant", "add", "x\"; DROP SCHEMA acme CASCADE; --");
        assertThat(hostile.exitCode()).isEqualTo(2);
        assertThat(hostile.err()).contains("is rejected");

        CliRun.Result unknown = cli.run("-c", "demo/drover.ini", "-n", "nosuch", "tenant", "add", "newco");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no database section 'nosuch'");
        assertThat(schemaExists("newco")).isFalse();
    }

    private boolean schemaExists(String schema) throws SQLException {
        String url = "jdbc:h2:file:" + tmp.resolve("demo/data/fleet").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement()
                .executeQuery("SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = '" + schema + "'")) {
            return rs.next();
        }
    }
}
