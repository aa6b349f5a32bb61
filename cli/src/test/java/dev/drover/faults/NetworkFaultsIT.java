package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.cli.CliRun;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TcpProxy;
import dev.drover.testing.TestDatabase;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios 11 and 6: an unreachable server (closed port) and a black-holed one among healthy
 * sections; a lock holder whose network is black-holed while waiters queue behind it.
 */
@ExtendWith(DatabaseExtension.class)
class NetworkFaultsIT {

    @TempDir
    Path tmp;

    @Test
    void unreachableServersFailAfterTheirTimeoutsAndTheOthersFinish(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA net_a", "CREATE SCHEMA net_b");
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        String direct = "jdbc:postgresql://127.0.0.1:5432/" + db.name() + "?user=postgres";
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432)) {
            proxy.blackHole();
            CliRun cli = new CliRun(tmp);
            String timeouts = "&connectTimeout=2&socketTimeout=3&loginTimeout=3";
            cli.write("app/drover.ini", "[drover]\ndatabases = good, closed, silent\n"
                    + "[DEFAULT]\nversion_locations = %(here)s/versions\n"
                    + "[good]\nurl = " + direct + "\ntenants = net_a, net_b\n"
                    + "[closed]\nurl = jdbc:postgresql://127.0.0.1:" + closed + "/" + db.name() + "?user=postgres" + timeouts
                    + "\ntenants = net_c, net_d\n"
                    + "[silent]\nurl = jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db.name() + "?user=postgres" + timeouts
                    + "\ntenants = net_e\n");
            cli.write("app/versions/aaa001_a.sql", CliRun.script("aaa001", "", "CREATE TABLE t1 (id INT);", null));

            Instant started = Instant.now();
            CliRun.Result up = cli.run("-c", "app/drover.ini", "upgrade", "--continue-on-error", "--report", "r.json");
            Duration took = Duration.between(started, Instant.now());

            assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
            assertThat(took).as("bounded by the timeouts, not hanging").isLessThan(Duration.ofSeconds(60));
            JsonNode report = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
            Map<String, String> statuses = new HashMap<>();
            report.path("targets").forEach(t -> statuses.put(t.path("key").asText(), t.path("status").asText()));
            assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("good/net_a", "succeeded", "good/net_b", "succeeded",
                    "closed/net_c", "failed", "closed/net_d", "failed", "silent/net_e", "failed"));
            assertThat(HostileTenantNamesIT.query(db, "SELECT version_num FROM net_a.drover_version UNION ALL "
                    + "SELECT version_num FROM net_b.drover_version")).containsExactly("aaa001", "aaa001");
            assertThat(up.out()).contains("closed/net_c").contains("silent/net_e");
        }
    }

    @Test
    void aBlackHoledLockHolderMakesWaitersTimeOutAndKeepsItsLock(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432)) {
            CliRun holderCli = new CliRun(tmp.resolve("holder"));
            CliRun waiterCli = new CliRun(tmp.resolve("waiter"));
            String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db.name() + "?user=postgres&socketTimeout=8";
            for (CliRun cli : List.of(holderCli, waiterCli)) {
                cli.write("app/versions/aaa001_a.sql", CliRun.script("aaa001", "",
                        "CREATE TABLE t1 (id INT);\nSELECT pg_sleep(${x.pause});", null));
            }
            holderCli.write("app/drover.ini", "[drover]\nurl = " + viaProxy + "\nversion_locations = %(here)s/versions\n");
            waiterCli.write("app/drover.ini", "[drover]\nurl = " + db.url() + "\nversion_locations = %(here)s/versions\n");

            CompletableFuture<CliRun.Result> holder = CompletableFuture.supplyAsync(
                    () -> holderCli.run("-c", "app/drover.ini", "-x", "pause=4", "upgrade"));
            awaitCount(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'drover %'"
                    + " AND query LIKE '%pg_sleep%' AND state = 'active'");
            proxy.blackHole();
            String locks = "SELECT pid || ':' || classid || ':' || objid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND granted ORDER BY 1";
            List<String> held = HostileTenantNamesIT.query(db, locks);
            assertThat(held).isNotEmpty();

            CliRun.Result waiter = waiterCli.run("-c", "app/drover.ini", "-x", "pause=0", "upgrade", "--lock-wait", "1");
            assertThat(waiter.exitCode()).as(waiter.toString()).isEqualTo(3);
            assertThat(waiter.all()).contains("PostgreSQL backend pid", "application 'drover ");
            assertThat(HostileTenantNamesIT.query(db, locks)).as("the holder keeps its locks; nothing is stolen").isEqualTo(held);

            CliRun.Result lost = holder.get(60, TimeUnit.SECONDS);
            assertThat(lost.exitCode()).as(lost.toString()).isEqualTo(1);
            proxy.close();
            awaitCount(db, "SELECT 1 - count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");

            CliRun.Result after = waiterCli.run("-c", "app/drover.ini", "-x", "pause=0", "upgrade", "--lock-wait", "5");
            assertThat(after.exitCode()).as(after.toString()).isZero();
            assertThat(HostileTenantNamesIT.query(db, "SELECT revision || ':' || status FROM drover_history"))
                    .containsExactly("aaa001:done");
        }
    }

    /** Bounded polling until {@code sql} returns a positive count. */
    private static void awaitCount(TestDatabase db, String sql) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Long.parseLong(HostileTenantNamesIT.query(db, sql).get(0)) <= 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s: " + sql);
            }
            Thread.sleep(50);
        }
    }
}
