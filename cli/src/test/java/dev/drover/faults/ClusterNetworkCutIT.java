package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, a lost network rather than a killed process: agent 'cut' reaches the cluster only through a TCP proxy
 * on 127.0.0.1, which the test makes silent mid-run (bytes dropped, connections left open). The process lives
 * on and still reaches its database; the coordinator must learn of the loss from Hazelcast membership alone,
 * give the cut agent's targets to the other agent of the zone, and every revision must be applied exactly once.
 */
@ExtendWith(DatabaseExtension.class)
class ClusterNetworkCutIT {

    private static final int TENANTS = 60;
    private static final String KEY = "it-secret-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private ClusterProcesses processes;
    private CuttableProxy proxy;

    @AfterEach
    void stop() throws Exception {
        if (processes != null) {
            processes.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void anAgentCutOffFromTheClusterLosesItsTargetsToAnotherAgentAndEachRevisionRunsOnce(
            @Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        StringBuilder schemas = new StringBuilder();
        for (int i = 1; i <= TENANTS; i++) {
            schemas.append(String.format("CREATE SCHEMA tenant_%03d;", i));
        }
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
            s.execute(schemas.toString());
        }
        int steady = ClusterProcesses.freePort();
        int cutPort = ClusterProcesses.freePort();
        processes = new ClusterProcesses(KEY, steady);
        proxy = new CuttableProxy(steady);
        // 'steady' is the first member (the master, which decides membership); 'cut' finds it only through the proxy
        processes.agent(project("steady", processes.section(), db.url()), "steady", steady, "east", KEY);
        ChildDrover cut = processes.agent(project("cut", processes.section(proxy.port()), db.url()), "cut", cutPort,
                "east", KEY);
        Path coordinator = project("coordinator", processes.section(), db.url());

        ChildDrover run = processes.command(coordinator, "run", "upgrade", "--cluster", "--report", "run.json");
        ClusterProcesses.waitFor(() -> ClusterProcesses.finished(cut) >= 3, Duration.ofMinutes(3),
                "agent 'cut' to finish some targets");
        proxy.cut();
        assertThat(run.exitCode(Duration.ofMinutes(5))).as(run.output()).isZero();

        JsonNode report = JSON.readTree(coordinator.resolve("run.json").toFile());
        assertThat(report.path("summary").path("succeeded").asInt() + report.path("summary").path("unchanged").asInt())
                .as(run.output()).isEqualTo(TENANTS);
        report.path("targets").forEach(t -> assertThat(t.path("to").toString()).isEqualTo("[\"bbb002\"]"));
        assertThat(report.path("reassigned").size()).as(run.output()).isPositive();
        for (JsonNode moved : report.path("reassigned")) {
            assertThat(moved.path("from").asText()).isEqualTo("cut");
            assertThat(moved.path("to").asText()).isEqualTo("steady");
        }
        assertThat(ClusterProcesses.historyPerRevision(db.url()))
                .containsOnly(Map.entry("aaa001", 1), Map.entry("bbb002", 1));
        assertThat(cut.output()).as("the cut agent lived on").doesNotContain("Exception in thread \"main\"");
    }

    private Path project(String node, String clusterSection, String url) throws Exception {
        Path dir = tmp.resolve(node);
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(dir.resolve("drover.ini"), """
                [drover]
                databases = east
                concurrency = 4

                %s
                [east]
                url = %s
                tenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%%' ORDER BY 1
                version_locations = %%(here)s/migrations/versions
                zone = east
                """.formatted(clusterSection, url));
        Files.writeString(versions.resolve("aaa001_accounts.sql"), "-- revision: aaa001\n-- down_revision:\n\n"
                + "-- drover:upgrade\nCREATE TABLE accounts (id INT PRIMARY KEY);\nSELECT pg_sleep(0.3);\n\n"
                + "-- drover:downgrade\nDROP TABLE accounts;\n");
        Files.writeString(versions.resolve("bbb002_email.sql"), "-- revision: bbb002\n-- down_revision: aaa001\n\n"
                + "-- drover:upgrade\nALTER TABLE accounts ADD COLUMN email TEXT;\nSELECT pg_sleep(1);\n\n"
                + "-- drover:downgrade\nALTER TABLE accounts DROP COLUMN email;\n");
        return dir;
    }
}
