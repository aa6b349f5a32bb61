package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.orchestrator.twophase.CrashPoints;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-phase groups on a cluster, with real agent JVMs on 127.0.0.1: two PostgreSQL databases (billing, ledger)
 * of zone east, both {@code two_phase = true}, three tenant schemas in each, so each tenant is a group of two
 * participants that runs on one agent while the coordinator journals its decision. (a) a group upgraded through
 * the cluster ends committed on both databases, named after its agent; (b) a prepare that fails (a temporary
 * table in tenant_002 of ledger) rolls back every participant of its group; (c) an agent killed right after the
 * coordinator journaled COMMIT (the {@code after-decision} crash point, in the agent) leaves the group in doubt
 * (exit 4) and {@code recover --cluster} commits it through another agent of the zone, twice safely; (d) with a
 * second agent live, the coordinator itself finishes such a group through it (reassigned, exit 0).
 */
@ExtendWith(DatabaseExtension.class)
class ClusterTwoPhaseIT {

    private static final String KEY = "it-secret-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private ClusterProcesses processes;

    @AfterEach
    void stopNodes() throws InterruptedException {
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    void groupsCommitOnOneAgentRollBackOnAFailedPrepareAndAreRecoveredThroughAnotherAgent(
            @Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        String billing = db.urlOf(db.createDatabase("billing"));
        String ledger = db.urlOf(db.createDatabase("ledger"));
        for (String url : List.of(billing, ledger)) {
            execute(url, "CREATE SCHEMA tenant_001; CREATE SCHEMA tenant_002; CREATE SCHEMA tenant_003;");
        }
        int[] ports = {ClusterProcesses.freePort(), ClusterProcesses.freePort(), ClusterProcesses.freePort()};
        processes = new ClusterProcesses(KEY, ports);
        Map<String, String> urls = Map.of("billing", billing, "ledger", ledger);
        Path coordinator = project("coordinator", urls);
        ChildDrover east1 = processes.agent(project("east-1", urls), "east-1", ports[0], "east", KEY);

        // (a, b) r2 everywhere: tenant_001 and tenant_003 commit on east-1; tenant_002's prepare fails on ledger
        ChildDrover a = command(coordinator, "a", "upgrade", "r2", "--cluster", "--continue-on-error",
                "--report", "a.json");
        assertThat(a.exitCode(Duration.ofMinutes(3))).as(a.output()).isEqualTo(1);
        JsonNode reportA = JSON.readTree(coordinator.resolve("a.json").toFile());
        assertThat(reportA.path("summary").path("succeeded").asInt()).as(a.output()).isEqualTo(4);
        assertThat(reportA.path("summary").path("failed").asInt()).isEqualTo(2);
        for (JsonNode target : reportA.path("targets")) {
            assertThat(target.path("node").asText()).isEqualTo("east-1");
            assertThat(target.path("twoPhase").path("group").asText()).isEqualTo(target.path("tenant").asText());
            if (target.path("tenant").asText().equals("tenant_002")) {
                assertThat(target.path("status").asText()).isEqualTo("failed");
            } else {
                assertThat(target.path("status").asText()).isEqualTo("succeeded");
                assertThat(target.path("to").toString()).isEqualTo("[\"r2\"]");
                assertThat(target.path("twoPhase").path("decision").asText()).isEqualTo("commit");
            }
        }
        assertThat(a.output()).contains("temporary").doesNotContain(KEY);
        for (String url : List.of(billing, ledger)) {
            assertThat(rows(url, "SELECT version_num FROM tenant_001.drover_version")).containsExactly("r2");
            assertThat(rows(url, "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"))
                    .containsExactly("0");
            assertThat(rows(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'tenant_002'"
                    + " AND table_name = 'accounts'")).as("tenant_002 rolled back on both").containsExactly("0");
        }
        assertThat(journal()).as("nothing left in the coordinator's journal").isEmpty();

        // (c) the group's only agent dies right after the coordinator journaled COMMIT: the group is in doubt
        east1.kill();
        ChildDrover doomed = crashingAgent(project("east-crash", urls), "east-crash", ports[1]);
        ChildDrover c = command(coordinator, "c", "upgrade", "r3", "--cluster", "--tenant", "tenant_001",
                "--report", "c.json");
        assertThat(c.exitCode(Duration.ofMinutes(3))).as(c.output() + doomed.output()).isEqualTo(4);
        assertThat(doomed.exitCode(Duration.ofSeconds(30))).isEqualTo(137);
        JsonNode reportC = JSON.readTree(coordinator.resolve("c.json").toFile());
        for (JsonNode target : reportC.path("targets")) {
            assertThat(target.path("status").asText()).isEqualTo("in_doubt");
            assertThat(target.path("node").asText()).isEqualTo("east-crash");
            assertThat(target.path("error").path("message").asText()).contains("after the commit decision was"
                    + " journaled", "drover recover --cluster");
        }
        assertThat(c.output()).contains("2 target(s) in doubt; run 'drover recover --cluster' on this machine");
        assertThat(journal()).hasSize(1);
        assertThat(Files.readString(journal().get(0))).contains("\"commit\"");
        for (String url : List.of(billing, ledger)) {
            assertThat(rows(url, "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"))
                    .containsExactly("1");
            assertThat(rows(url, "SELECT version_num FROM tenant_001.drover_version")).containsExactly("r2");
        }

        // another agent of the zone finishes it: both participants committed at r3, the journal emptied
        ChildDrover east2 = processes.agent(project("east-2", urls), "east-2", ports[2], "east", KEY);
        ChildDrover recover = command(coordinator, "recover", "--format", "json", "recover", "--cluster");
        assertThat(recover.exitCode(Duration.ofMinutes(3))).as(recover.output()).isZero();
        JsonNode recovered = JSON.readTree(recover.output().substring(recover.output().indexOf('{')));
        assertThat(recovered.path("transactions").size()).as(recover.output()).isEqualTo(2);
        for (JsonNode tx : recovered.path("transactions")) {
            assertThat(tx.path("action").asText()).isEqualTo("committed");
            assertThat(tx.path("node").asText()).isEqualTo("east-2");
            assertThat(tx.path("group").asText()).isEqualTo("tenant_001");
        }
        assertThat(recovered.path("groups").get(0).path("nodes").toString()).isEqualTo("[\"east-2\"]");
        for (String url : List.of(billing, ledger)) {
            assertThat(rows(url, "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"))
                    .containsExactly("0");
            assertThat(rows(url, "SELECT version_num FROM tenant_001.drover_version")).containsExactly("r3");
            assertThat(rows(url, "SELECT revision FROM tenant_001.drover_history WHERE status = 'done'"
                    + " ORDER BY started_at")).containsExactly("r1", "r2", "r3");
        }
        assertThat(journal()).isEmpty();
        ChildDrover again = command(coordinator, "recover-again", "recover", "--cluster");
        assertThat(again.exitCode(Duration.ofMinutes(2))).as(again.output()).isZero();
        assertThat(again.output()).contains("nothing to recover");

        // the rest of the fleet moves through east-2 as usual
        ChildDrover rest = command(coordinator, "rest", "upgrade", "r3", "--cluster", "--tenant", "tenant_003");
        assertThat(rest.exitCode(Duration.ofMinutes(3))).as(rest.output()).isZero();
        for (String url : List.of(billing, ledger)) {
            assertThat(rows(url, "SELECT version_num FROM tenant_003.drover_version")).containsExactly("r3");
        }

        // (d) two agents, two groups, one on each: the one whose agent dies after the decision is committed by the
        // coordinator through the other agent, listed as reassigned; the run exits 0 and the journal is empty
        ChildDrover doomed2 = crashingAgent(project("east-crash-2", urls), "east-crash-2", ClusterProcesses.freePort());
        ChildDrover d = command(coordinator, "d", "upgrade", "r4", "--cluster", "--tenant", "tenant_001", "--tenant",
                "tenant_003", "--report", "d.json");
        assertThat(d.exitCode(Duration.ofMinutes(3))).as(d.output() + doomed2.output()).isZero();
        assertThat(doomed2.exitCode(Duration.ofSeconds(30))).isEqualTo(137);
        JsonNode reportD = JSON.readTree(coordinator.resolve("d.json").toFile());
        assertThat(d.output()).contains("reassigned (their node was lost):", "east-crash-2 -> east-2");
        assertThat(east2.output()).contains("committed");
        assertThat(reportD.path("summary").path("succeeded").asInt()).as(d.output()).isEqualTo(4);
        reportD.path("targets").forEach(t -> {
            assertThat(t.path("node").asText()).isEqualTo("east-2");
            assertThat(t.path("to").toString()).isEqualTo("[\"r4\"]");
        });
        assertThat(reportD.path("reassigned").size()).as(d.output()).isEqualTo(2);
        reportD.path("reassigned").forEach(moved -> {
            assertThat(moved.path("from").asText()).isEqualTo("east-crash-2");
            assertThat(moved.path("to").asText()).isEqualTo("east-2");
        });
        assertThat(journal()).isEmpty();
        for (String url : List.of(billing, ledger)) {
            assertThat(rows(url, "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"))
                    .containsExactly("0");
            for (String tenant : List.of("tenant_001", "tenant_003")) {
                assertThat(rows(url, "SELECT revision FROM " + tenant + ".drover_history WHERE status = 'done'"
                        + " ORDER BY started_at")).containsExactly("r1", "r2", "r3", "r4");
            }
        }
    }

    /** An agent that halts (exit 137) as soon as it learns the COMMIT decision, before any COMMIT PREPARED. */
    private ChildDrover crashingAgent(Path dir, String name, int port) throws Exception {
        List<String> jvm = new ArrayList<>(ClusterProcesses.JVM);
        jvm.add("-D" + CrashPoints.PROPERTY + "=" + CrashPoints.AFTER_DECISION);
        ChildDrover agent = ChildDrover.start(dir, name, jvm, Map.of("DROVER_CLUSTER_KEY", KEY), "-c", "drover.ini",
                "agent", "--port", String.valueOf(port), "--zones", "east", "--node-name", name);
        processes.nodes().add(agent);
        ClusterProcesses.waitFor(() -> agent.output().contains("joined cluster"), Duration.ofMinutes(2),
                "agent " + name + " to join");
        return agent;
    }

    /** A coordinator command with its own journal directory (not the user's ~/.drover/journal). */
    private ChildDrover command(Path dir, String name, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("-c", "drover.ini", "--no-progress"));
        all.addAll(List.of(args));
        ChildDrover child = ChildDrover.start(dir, name, ClusterProcesses.JVM, Map.of("DROVER_CLUSTER_KEY", KEY,
                "DROVER_JOURNAL_DIR", tmp.resolve("journal").toString()), all.toArray(String[]::new));
        processes.nodes().add(child);
        return child;
    }

    private List<Path> journal() throws IOException {
        Path dir = tmp.resolve("journal");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    /**
     * A node's own copy of the project: one lineage r1..r3 for both sections; r2 makes a temporary table in
     * tenant_002 of the ledger database, which PREPARE TRANSACTION refuses.
     */
    private Path project(String node, Map<String, String> urls) throws IOException {
        Path dir = tmp.resolve(node);
        Path versions = Files.createDirectories(dir.resolve("migrations"));
        StringBuilder ini = new StringBuilder("""
                [drover]
                databases = billing, ledger
                concurrency = 4

                """).append(processes.section());
        for (String section : List.of("billing", "ledger")) {
            ini.append("""

                    [%s]
                    url = %s
                    tenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%%%%' ORDER BY 1
                    version_locations = %%(here)s/migrations
                    zone = east
                    two_phase = true
                    """.formatted(section, urls.get(section)));
        }
        Files.writeString(dir.resolve("drover.ini"), ini.toString());
        Files.writeString(versions.resolve("r1_accounts.sql"), "-- revision: r1\n-- down_revision:\n\n"
                + "-- drover:upgrade\nCREATE TABLE accounts (id INT PRIMARY KEY);\n\n"
                + "-- drover:downgrade\nDROP TABLE accounts;\n");
        Files.writeString(versions.resolve("r2_email.sql"), "-- revision: r2\n-- down_revision: r1\n\n"
                + "-- drover:upgrade\nALTER TABLE accounts ADD COLUMN email TEXT;\n"
                + "DO $$ BEGIN IF current_database() LIKE '%ledger%' AND current_schema() = 'tenant_002' THEN"
                + " CREATE TEMP TABLE scratch (id INT); END IF; END $$;\n\n"
                + "-- drover:downgrade\nALTER TABLE accounts DROP COLUMN email;\n");
        Files.writeString(versions.resolve("r3_phone.sql"), "-- revision: r3\n-- down_revision: r2\n\n"
                + "-- drover:upgrade\nALTER TABLE accounts ADD COLUMN phone TEXT;\n\n"
                + "-- drover:downgrade\nALTER TABLE accounts DROP COLUMN phone;\n");
        Files.writeString(versions.resolve("r4_plan.sql"), "-- revision: r4\n-- down_revision: r3\n\n"
                + "-- drover:upgrade\nALTER TABLE accounts ADD COLUMN plan TEXT;\n\n"
                + "-- drover:downgrade\nALTER TABLE accounts DROP COLUMN plan;\n");
        return dir;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> rows(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
