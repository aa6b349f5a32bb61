package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.api.Drover;
import dev.drover.api.FleetReport;
import dev.drover.api.Rollout;
import dev.drover.api.Selection;
import dev.drover.clusterhost.ClusterHost;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster run does what a local run does (issue 12, the rest): one agent JVM of zone east on 127.0.0.1 serves
 * one PostgreSQL database per test (a section each, {@code query:} tenants); each test runs a coordinator of
 * its own. The agent's project holds the real URLs; a coordinator's may hold none that works.
 */
@ExtendWith(DatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterRunIT {

    private static final int TENANTS = 4;
    private static final String KEY = "it-secret-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The sections, one database each: what each test works on. */
    private static final List<String> SECTIONS = List.of("dry", "prints", "live", "locked", "deep", "hidden",
            "gated", "java");
    /** Settings of some sections, the same on every node (an agent measures no throttle its drover.ini lacks). */
    private static final Map<String, String> SETTINGS = Map.of(
            "live", "throttle_query = SELECT 100\nthrottle_max = 1\nthrottle_wait = 1\n",
            "locked", "lock_timeout = 60\n",
            "gated", "throttle_query = SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'\n"
                    + "throttle_max = 0\nthrottle_wait = 1\n");

    private Path tmp;
    private ClusterProcesses processes;
    private final Map<String, String> urls = new LinkedHashMap<>();

    @BeforeAll
    void startAgent(@Database(DatabaseKind.POSTGRES) TestDatabase db, @TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        for (String section : SECTIONS) {
            String name = db.createDatabase(section);
            urls.put(section, db.urlOf(name));
            StringBuilder sql = new StringBuilder();
            for (int i = 1; i <= TENANTS; i++) {
                sql.append(String.format("CREATE SCHEMA tenant_%02d;", i));
            }
            try (Connection c = DriverManager.getConnection(urls.get(section)); Statement s = c.createStatement()) {
                s.execute(sql.toString());
            }
        }
        int port = ClusterProcesses.freePort();
        processes = new ClusterProcesses(KEY, port);
        processes.agent(project("east-1", urls), "east-1", port, "east", KEY);
    }

    @AfterAll
    void stopAgent() throws InterruptedException {
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    void aJavaApplicationDrivesTheClusterThroughClusterHost() throws Exception {
        Map<String, String> unreachable = new LinkedHashMap<>(urls);
        unreachable.put("java", "jdbc:postgresql://127.0.0.1:9/nowhere?user=postgres"); // only the agent can reach it
        Path coordinator = project("java-coordinator", unreachable);
        List<String> notices = new ArrayList<>();
        Selection java = Selection.all().sections("java");
        try (Drover drover = Drover.configure().registry(coordinator.resolve("drover.ini"))
                .environment(Map.of("DROVER_CLUSTER_KEY", KEY)).host(ClusterHost.coordinator(notices::add)).load()) {
            FleetReport up = drover.upgrade("head", java, Rollout.defaults());

            assertThat(up.succeeded()).as(up.toJson()).isTrue();
            assertThat(up.targets()).hasSize(TENANTS)
                    .allSatisfy(t -> assertThat(t.node()).as(t.key()).isEqualTo("east-1"));
            assertThat(drover.status(java).byRevision()).containsOnlyKeys("bbb002");
            assertThat(drover.recover(java, false).transactions()).as("nothing in doubt").isEmpty();
        }
        assertThat(notices).hasSize(3).allSatisfy(n -> assertThat(n).contains("1 agent(s): east-1"));
        assertThat(count("java", "SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'")).isEqualTo(TENANTS);
    }

    @Test
    void aDryRunNamesTheAgentThatWouldRunEachTarget() throws Exception {
        Path coordinator = project("dry-coordinator", urls);
        ChildDrover json = processes.command(coordinator, "dry-json", "--format", "json", "upgrade", "--cluster",
                "--dry-run", "--name", "dry");
        assertThat(json.exitCode(Duration.ofMinutes(2))).as(json.output()).isZero();
        JsonNode report = JSON.readTree(json.output().substring(json.output().indexOf('{'),
                json.output().lastIndexOf('}') + 1));
        assertThat(report.path("targets").size()).isEqualTo(TENANTS);
        report.path("targets").forEach(t -> assertThat(t.path("node").asText()).as(t.toString()).isEqualTo("east-1"));

        ChildDrover text = processes.command(coordinator, "dry-text", "upgrade", "--cluster", "--dry-run", "--name", "dry");
        assertThat(text.exitCode(Duration.ofMinutes(2))).as(text.output()).isZero();
        assertThat(text.output()).contains("-- ==== target 'dry/tenant_01' (").contains(") on node 'east-1' ====")
                .contains("CREATE TABLE accounts");
        assertThat(count("dry", "SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'")).isZero();
    }

    @Test
    void aClusterUpgradeRecordsTheSchemaFingerprintsALocalOneWould() throws Exception {
        Path coordinator = project("prints-coordinator", urls);
        ChildDrover up = processes.command(coordinator, "prints-up", "upgrade", "--cluster", "--name", "prints");
        assertThat(up.exitCode(Duration.ofMinutes(2))).as(up.output()).isZero();
        assertThat(up.output()).doesNotContain("was not recorded");
        // as a local upgrade: one row, for the heads reached, in the first target that reached them
        assertThat(count("prints", "SELECT count(*) FROM pg_tables WHERE tablename = 'drover_fingerprint'")).isOne();
        assertThat(count("prints", "SELECT count(*) FROM tenant_01.drover_fingerprint WHERE revision = 'bbb002'"
                + " AND source = 'prints/tenant_01'")).isOne();
    }

    @Test
    void theRunsLockTimeoutsOverrideTheAgentsSections() throws Exception {
        Path coordinator = project("locked-coordinator", urls);
        ChildDrover first = processes.command(coordinator, "locked-1", "upgrade", "aaa001", "--cluster", "--name", "locked");
        assertThat(first.exitCode(Duration.ofMinutes(2))).as(first.output()).isZero();
        try (Connection blocker = DriverManager.getConnection(urls.get("locked")); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE tenant_01.accounts IN ACCESS EXCLUSIVE MODE");
            // lock_timeout = 60 with 3 retries in every drover.ini: only the command line's 1 s, 0 retries end it soon
            ChildDrover second = processes.command(coordinator, "locked-2", "upgrade", "--cluster", "--name", "locked",
                    "--lock-timeout", "1", "--lock-retries", "0", "--continue-on-error", "--report", "locked.json");
            assertThat(second.exitCode(Duration.ofSeconds(45))).as(second.output()).isEqualTo(1);
            blocker.rollback();
        }
        JsonNode report = JSON.readTree(coordinator.resolve("locked.json").toFile());
        assertThat(report.path("summary").path("lockTimeout").asInt()).as(report.toString()).isOne();
        assertThat(report.path("summary").path("succeeded").asInt()).isEqualTo(TENANTS - 1);
    }

    @Test
    void aThrottledServerStartsNothingOnAnyAgent() throws Exception {
        Path coordinator = project("live-coordinator", urls);
        ChildDrover up = processes.command(coordinator, "live-up", "upgrade", "--cluster", "--name", "live",
                "--report", "live.json");
        assertThat(up.exitCode(Duration.ofMinutes(2))).as(up.output()).isEqualTo(1);
        JsonNode report = JSON.readTree(coordinator.resolve("live.json").toFile());
        assertThat(report.path("summary").path("throttled").asInt()).as(report.toString()).isEqualTo(TENANTS);
        assertThat(report.path("throttles").get(0).path("reason").asText()).contains("throttle_query");
        assertThat(count("live", "SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'")).isZero();
    }

    @Test
    void anAgentAsksTheCoordinatorsThrottleBetweenRevisions() throws Exception {
        // under its limit at the start (no table yet), over it once aaa001 created one: each target stops there
        Path coordinator = project("gated-coordinator", urls);
        ChildDrover up = processes.command(coordinator, "gated-up", "upgrade", "--cluster", "--name", "gated",
                "--report", "gated.json");
        assertThat(up.exitCode(Duration.ofMinutes(2))).as(up.output()).isEqualTo(1);
        JsonNode report = JSON.readTree(coordinator.resolve("gated.json").toFile());
        assertThat(report.path("summary").path("throttled").asInt()).as(report.toString()).isEqualTo(TENANTS);
        report.path("targets").forEach(t -> assertThat(t.path("to").toString()).as(t.toString())
                .isEqualTo("[\"aaa001\"]"));
        assertThat(count("gated", "SELECT count(*) FROM information_schema.columns WHERE column_name = 'email'"))
                .isZero();
    }

    @Test
    void aDeepCheckRunsOnTheAgentsAndSaysWhatALocalOneSays() throws Exception {
        Path coordinator = project("deep-coordinator", urls);
        ChildDrover up = processes.command(coordinator, "deep-up", "upgrade", "--cluster", "--name", "deep");
        assertThat(up.exitCode(Duration.ofMinutes(2))).as(up.output()).isZero();
        ChildDrover local = processes.command(coordinator, "deep-local", "-q", "check", "--deep", "--name", "deep");
        ChildDrover remote = processes.command(coordinator, "deep-cluster", "-q", "check", "--deep", "--cluster",
                "--name", "deep");
        assertThat(local.exitCode(Duration.ofMinutes(2))).as(local.output()).isZero();
        assertThat(remote.exitCode(Duration.ofMinutes(2))).as(remote.output()).isZero();
        assertThat(remote.output()).isEqualTo(local.output()).contains("OK: " + TENANTS + " target(s) at head");
        // a target behind head fails the deep check the same way on both
        try (Connection c = DriverManager.getConnection(urls.get("deep")); Statement s = c.createStatement()) {
            s.execute("UPDATE tenant_02.drover_version SET version_num = 'aaa001'");
        }
        ChildDrover behind = processes.command(coordinator, "deep-behind", "-q", "check", "--deep", "--cluster",
                "--name", "deep");
        assertThat(behind.exitCode(Duration.ofMinutes(2))).as(behind.output()).isEqualTo(1);
        assertThat(behind.output()).contains("deep/tenant_02");
    }

    @Test
    void anAgentListsTheQueryTenantsOfACoordinatorThatReachesNoDatabase() throws Exception {
        Map<String, String> nowhere = new LinkedHashMap<>();
        SECTIONS.forEach(section -> nowhere.put(section, "jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres"
                + "&connectTimeout=2"));
        Path coordinator = project("hidden-coordinator", nowhere);
        ChildDrover local = processes.command(coordinator, "hidden-local", "status", "--name", "hidden");
        assertThat(local.exitCode(Duration.ofMinutes(2))).as(local.output()).isNotZero();
        ChildDrover up = processes.command(coordinator, "hidden-up", "upgrade", "--cluster", "--name", "hidden",
                "--report", "hidden.json");
        assertThat(up.exitCode(Duration.ofMinutes(2))).as(up.output()).isZero();
        JsonNode report = JSON.readTree(coordinator.resolve("hidden.json").toFile());
        assertThat(report.path("summary").path("succeeded").asInt()).isEqualTo(TENANTS);
        assertThat(up.output()).doesNotContain("was not recorded");
        ChildDrover status = processes.command(coordinator, "hidden-status", "-q", "status", "--cluster", "--name",
                "hidden");
        assertThat(status.exitCode(Duration.ofMinutes(2))).as(status.output()).isZero();
        assertThat(status.output()).contains("bbb002  " + TENANTS);
    }

    /** A node's own project: drover.ini with the given URLs (one section per test) and the two scripts. */
    private Path project(String node, Map<String, String> sectionUrls) throws IOException {
        Path dir = tmp.resolve(node);
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        StringBuilder ini = new StringBuilder("""
                [drover]
                databases = %s
                concurrency = 4

                """.formatted(String.join(", ", SECTIONS))).append(processes.section());
        for (String section : SECTIONS) {
            ini.append("""

                    [%s]
                    url = %s
                    tenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%%' ORDER BY 1
                    version_locations = %%(here)s/migrations/versions
                    zone = east
                    """.formatted(section, sectionUrls.get(section))).append(SETTINGS.getOrDefault(section, ""));
        }
        Files.writeString(dir.resolve("drover.ini"), ini.toString());
        Files.writeString(versions.resolve("aaa001_accounts.sql"), "-- revision: aaa001\n-- down_revision:\n\n"
                + "-- drover:upgrade\nCREATE TABLE accounts (id INT PRIMARY KEY);\nSELECT pg_sleep(1.5);\n\n"
                + "-- drover:downgrade\nDROP TABLE accounts;\n");
        Files.writeString(versions.resolve("bbb002_email.sql"), "-- revision: bbb002\n-- down_revision: aaa001\n\n"
                + "-- drover:upgrade\nALTER TABLE accounts ADD COLUMN email TEXT;\n\n"
                + "-- drover:downgrade\nALTER TABLE accounts DROP COLUMN email;\n");
        return dir;
    }

    private long count(String section, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(urls.get(section)); Statement s = c.createStatement();
                var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
