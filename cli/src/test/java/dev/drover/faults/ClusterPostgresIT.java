package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 with real processes on 127.0.0.1: three agent JVMs in two zones (east: east-1, east-2; west: west-1)
 * and coordinators, on a PostgreSQL fleet of 3 databases x 100 schemas, one zone per database (the third,
 * south, has no agent of the key). Each node reads its own copy of the project (its own drover.ini).
 */
@ExtendWith(DatabaseExtension.class)
class ClusterPostgresIT {

    private static final int TENANTS = 100;
    private static final String KEY = "it-secret-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private ClusterProcesses processes;
    private int[] ports;

    @AfterEach
    void stopNodes() throws InterruptedException {
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    void agentsRunTheFleetByZoneSurviveAKilledAgentRefuseWhatTheyMustAndReadLikeALocalRun(
            @Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        String east = db.createDatabase("east");
        String west = db.createDatabase("west");
        String south = db.createDatabase("south");
        for (String name : List.of(east, west, south)) {
            createTenants(db.urlOf(name));
        }
        ports = new int[] {freePort(), freePort(), freePort(), freePort(), freePort()};
        processes = new ClusterProcesses(KEY, ports[0], ports[1], ports[2]);
        Map<String, String> urls = Map.of("east", db.urlOf(east), "west", db.urlOf(west), "south", db.urlOf(south));
        Path coordinator = project("coordinator", urls, false);
        ChildDrover east1 = agent("east-1", urls, ports[0], "east", KEY, false);
        agent("east-2", urls, ports[1], "east", KEY, false);
        agent("west-1", urls, ports[2], "west", KEY, false);

        // (a) every target of the served zones at aaa001, each on an agent of its own zone
        ChildDrover a = coordinator(coordinator, "a", "upgrade", "aaa001", "--cluster", "--name", "east", "--name", "west",
                "--report", "a.json");
        assertThat(a.exitCode(Duration.ofMinutes(5))).as(a.output()).isZero();
        JsonNode reportA = JSON.readTree(coordinator.resolve("a.json").toFile());
        assertThat(reportA.path("summary").path("succeeded").asInt()).isEqualTo(2 * TENANTS);
        Set<String> eastNodes = new HashSet<>();
        for (JsonNode target : reportA.path("targets")) {
            String node = target.path("node").asText();
            assertThat(target.path("to").get(0).asText()).isEqualTo("aaa001");
            if (target.path("database").asText().equals("east")) {
                assertThat(node).isIn("east-1", "east-2");
                eastNodes.add(node);
            } else {
                assertThat(node).isEqualTo("west-1");
            }
        }
        assertThat(eastNodes).as("both agents of zone east took work").containsExactlyInAnyOrder("east-1", "east-2");
        assertThat(a.output()).contains("east-1").contains("west-1").doesNotContain(KEY);

        // (b) kill -9 one agent of east while it runs targets: they go to east-2; every revision applied once
        long doneBefore = finished(east1);
        ChildDrover b = coordinator(coordinator, "b", "upgrade", "head", "--cluster", "--name", "east", "--name", "west",
                "--report", "b.json");
        waitFor(() -> finished(east1) >= doneBefore + 5,
                Duration.ofMinutes(3), "east-1 to finish some targets of the second run");
        east1.kill();
        assertThat(b.exitCode(Duration.ofMinutes(5))).as(b.output()).isZero();
        JsonNode reportB = JSON.readTree(coordinator.resolve("b.json").toFile());
        // a target whose agent committed just before it died is found at head by the next one: unchanged
        assertThat(reportB.path("summary").path("succeeded").asInt() + reportB.path("summary").path("unchanged").asInt())
                .as(b.output()).isEqualTo(2 * TENANTS);
        reportB.path("targets").forEach(t -> assertThat(t.path("to").toString()).isEqualTo("[\"bbb002\"]"));
        assertThat(reportB.path("reassigned").size()).as(b.output()).isPositive();
        for (JsonNode moved : reportB.path("reassigned")) {
            assertThat(moved.path("from").asText()).isEqualTo("east-1");
            assertThat(moved.path("to").asText()).isEqualTo("east-2");
        }
        assertThat(b.output()).contains("reassigned (their node was lost):");
        for (String name : List.of(east, west)) {
            assertThat(historyPerRevision(db.urlOf(name))).containsOnly(Map.entry("aaa001", 1), Map.entry("bbb002", 1));
        }

        // (c, e) zone south: only a node with the wrong key serves it; it gets no work, every target fails, exit 1
        ChildDrover rogue = agent("rogue", urls, ports[3], "south", "not-the-key", false);
        ChildDrover c = coordinator(coordinator, "c", "upgrade", "--cluster", "--name", "south", "--continue-on-error",
                "--report", "c.json");
        assertThat(c.exitCode(Duration.ofMinutes(3))).as(c.output()).isEqualTo(1);
        JsonNode reportC = JSON.readTree(coordinator.resolve("c.json").toFile());
        assertThat(reportC.path("summary").path("failed").asInt()).isEqualTo(TENANTS);
        reportC.path("targets").forEach(t -> assertThat(t.path("error").path("message").asText())
                .contains("no live agent serves zone 'south'"));
        assertThat(rogue.output()).doesNotContain("tenant_");
        assertThat(c.output()).doesNotContain("rogue")
                .as("the coordinator says a member did not answer with its key").contains("other member(s) did not"
                        + " answer with this node's key");

        // (d) an agent of south whose script of bbb002 was edited refuses, naming the revision and itself
        agent("south-1", urls, ports[4], "south", KEY, true);
        ChildDrover d = coordinator(coordinator, "d", "upgrade", "--cluster", "--name", "south", "--continue-on-error",
                "--report", "d.json");
        assertThat(d.exitCode(Duration.ofMinutes(3))).as(d.output()).isEqualTo(1);
        JsonNode reportD = JSON.readTree(coordinator.resolve("d.json").toFile());
        assertThat(reportD.path("summary").path("failed").asInt()).isEqualTo(TENANTS);
        reportD.path("targets").forEach(t -> assertThat(t.path("error").path("message").asText())
                .contains("agent 'south-1' refuses").contains("revision 'bbb002'"));
        assertThat(historyPerRevision(db.urlOf(south))).isEmpty();

        // (f) status through the agents equals the local status
        ChildDrover local = coordinator(coordinator, "f-local", "-q", "status", "--name", "east", "--name", "west");
        ChildDrover remote = coordinator(coordinator, "f-cluster", "-q", "status", "--cluster", "--name", "east",
                "--name", "west");
        assertThat(local.exitCode(Duration.ofMinutes(2))).isZero();
        assertThat(remote.exitCode(Duration.ofMinutes(2))).as(remote.output()).isZero();
        assertThat(remote.output()).isEqualTo(local.output()).contains("bbb002  " + 2 * TENANTS);

        // (g) the other commands through the cluster: current, check, downgrade and stamp
        ChildDrover currentLocal = coordinator(coordinator, "g-current-local", "-q", "current", "--name", "west");
        ChildDrover current = coordinator(coordinator, "g-current", "-q", "current", "--cluster", "--name", "west");
        assertThat(current.exitCode(Duration.ofMinutes(2))).as(current.output()).isZero();
        assertThat(currentLocal.exitCode(Duration.ofMinutes(2))).isZero();
        assertThat(current.output()).isEqualTo(currentLocal.output());
        ChildDrover check = coordinator(coordinator, "g-check", "check", "--cluster", "--name", "east", "--name", "west");
        assertThat(check.exitCode(Duration.ofMinutes(2))).as(check.output()).isZero();
        ChildDrover down = coordinator(coordinator, "g-down", "downgrade", "aaa001", "--cluster", "--name", "west",
                "--report", "down.json");
        assertThat(down.exitCode(Duration.ofMinutes(3))).as(down.output()).isZero();
        JsonNode reportDown = JSON.readTree(coordinator.resolve("down.json").toFile());
        assertThat(reportDown.path("summary").path("succeeded").asInt()).isEqualTo(TENANTS);
        reportDown.path("targets").forEach(t -> assertThat(t.path("node").asText()).isEqualTo("west-1"));
        ChildDrover stamp = coordinator(coordinator, "g-stamp", "stamp", "bbb002", "--cluster", "--name", "west");
        assertThat(stamp.exitCode(Duration.ofMinutes(3))).as(stamp.output()).isZero();
        ChildDrover checkAgain = coordinator(coordinator, "g-check2", "check", "--cluster", "--name", "west");
        assertThat(checkAgain.exitCode(Duration.ofMinutes(2))).as(checkAgain.output()).isZero();

        // (h) the coordinator killed mid-run: the agent finishes what it started and takes nothing new; a rerun completes
        ChildDrover east2 = processes.nodes().get(1);
        long before = finished(east2);
        ChildDrover doomed = coordinator(coordinator, "h-killed", "downgrade", "aaa001", "--cluster", "--name", "east");
        waitFor(() -> finished(east2) >= before + 5, Duration.ofMinutes(3), "east-2 to finish some downgrades");
        doomed.kill();
        Thread.sleep(3000); // longer than one target: what was in flight has finished
        long settled = finished(east2);
        Thread.sleep(3000);
        assertThat(finished(east2)).as("no new work after the coordinator died").isEqualTo(settled);
        assertThat(settled - before).isLessThan(TENANTS);
        ChildDrover rerun = coordinator(coordinator, "h-rerun", "downgrade", "aaa001", "--cluster", "--name", "east",
                "--report", "h.json");
        assertThat(rerun.exitCode(Duration.ofMinutes(3))).as(rerun.output()).isZero();
        JsonNode reportH = JSON.readTree(coordinator.resolve("h.json").toFile());
        assertThat(reportH.path("summary").path("unchanged").asInt()).isEqualTo((int) (settled - before));
        reportH.path("targets").forEach(t -> assertThat(t.path("to").toString()).isEqualTo("[\"aaa001\"]"));
    }

    private static long finished(ChildDrover agent) {
        return ClusterProcesses.finished(agent);
    }

    private ChildDrover agent(String name, Map<String, String> urls, int port, String zone, String key, boolean edited)
            throws Exception {
        return processes.agent(project(name, urls, edited), name, port, zone, key);
    }

    private ChildDrover coordinator(Path dir, String name, String... args) throws IOException {
        return processes.command(dir, name, args);
    }

    /** A node's own copy of the project: its drover.ini and scripts (optionally bbb002 edited). */
    private Path project(String node, Map<String, String> urls, boolean editedScript) throws IOException {
        Path dir = tmp.resolve(node);
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        StringBuilder ini = new StringBuilder("""
                [drover]
                databases = east, west, south
                concurrency = 6

                """).append(processes.section());
        for (String zone : List.of("east", "west", "south")) {
            ini.append("""

                    [%s]
                    url = %s
                    tenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%%%%' ORDER BY 1
                    version_locations = %%(here)s/migrations/versions
                    zone = %s
                    """.formatted(zone, urls.get(zone), zone));
        }
        Files.writeString(dir.resolve("drover.ini"), ini.toString());
        Files.writeString(versions.resolve("aaa001_accounts.sql"), "-- revision: aaa001\n-- down_revision:\n\n"
                + "-- drover:upgrade\nCREATE TABLE accounts (id INT PRIMARY KEY);\n\n"
                + "-- drover:downgrade\nDROP TABLE accounts;\n");
        Files.writeString(versions.resolve("bbb002_email.sql"), "-- revision: bbb002\n-- down_revision: aaa001\n\n"
                + "-- drover:upgrade\nALTER TABLE accounts ADD COLUMN email TEXT" + (editedScript ? " NOT NULL" : "")
                + ";\nSELECT pg_sleep(0.3);\n\n-- drover:downgrade\nALTER TABLE accounts DROP COLUMN email;\nSELECT pg_sleep(0.3);\n");
        return dir;
    }

    private static void createTenants(String url) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= TENANTS; i++) {
            sql.append(String.format("CREATE SCHEMA tenant_%03d;", i));
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql.toString());
        }
    }

    /** For every tenant: how many 'done' upgrade rows each revision has; must be one each (or none at all). */
    private static Map<String, Integer> historyPerRevision(String url) throws SQLException {
        return ClusterProcesses.historyPerRevision(url);
    }

    private static int freePort() throws IOException {
        return ClusterProcesses.freePort();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration limit, String what)
            throws InterruptedException {
        ClusterProcesses.waitFor(condition, limit, what);
    }
}
