package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 5 on MariaDB (a database per tenant, GET_LOCK per target, DDL committing at once): two
 * and then five orchestrator processes apply every revision exactly once per target; a loser with
 * a short lock wait exits 3 naming the holder's connection.
 */
@ExtendWith(DatabaseExtension.class)
class ConcurrentOrchestratorsMariaDbIT {

    static final int TENANTS = 6;
    /** The class shares one test database, so each test's tenant databases get their own names. */
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    Path tmp;

    private final List<String> tenants = new ArrayList<>();

    private Cli project(TestDatabase db, String sleep) throws Exception {
        if (tenants.isEmpty()) {
            for (int i = 1; i <= TENANTS; i++) {
                tenants.add(db.createDatabase("fxt" + NAMES.incrementAndGet()));
            }
        }
        for (String tenant : tenants) {
            db.execute("DROP DATABASE IF EXISTS " + tenant, "CREATE DATABASE " + tenant);
        }
        Cli cli = new Cli(tmp);
        cli.write("app/drover.ini", "[drover]\ndatabases = app\n[app]\nurl = " + db.url() + "\ntenants = "
                + String.join(", ", tenants) + "\nversion_locations = %(here)s/versions\nmax_connections = 3\n");
        cli.write("app/versions/aaa001_a.sql", Cli.script("aaa001", "",
                "CREATE TABLE marker (schema_name VARCHAR(64), tenant VARCHAR(64));\n"
                        + "INSERT INTO marker VALUES (database(), '${tenant}');", null));
        cli.write("app/versions/bbb002_b.sql", Cli.script("bbb002", "aaa001",
                "SELECT SLEEP(" + sleep + ");\nINSERT INTO marker VALUES (database(), '${tenant}');", null));
        return cli;
    }

    private void assertAppliedExactlyOnce(TestDatabase db) throws Exception {
        for (String tenant : tenants) {
            assertThat(HostileTenantNamesIT.query(db, "SELECT version_num FROM " + tenant + ".drover_version"))
                    .as(tenant).containsExactly("bbb002");
            assertThat(HostileTenantNamesIT.query(db, "SELECT CONCAT(revision, ':', direction, ':', status) FROM "
                    + tenant + ".drover_history ORDER BY started_at")).as(tenant)
                    .containsExactly("aaa001:upgrade:done", "bbb002:upgrade:done");
            assertThat(HostileTenantNamesIT.query(db, "SELECT CONCAT(schema_name, '=', tenant) FROM " + tenant + ".marker"))
                    .as(tenant).containsExactly(tenant + "=" + tenant, tenant + "=" + tenant);
        }
    }

    @Test
    void twoThenFiveProcessesApplyEveryRevisionExactlyOnce(@Database(DatabaseKind.MARIADB) TestDatabase db) throws Exception {
        for (int processes : new int[] {2, 5}) {
            project(db, "0.2");
            List<ChildDrover> children = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                children.add(ChildDrover.start(tmp, "m" + processes + "-" + i, "-q", "-c", "app/drover.ini", "upgrade",
                        "--lock-wait", "60", "--concurrency", "3"));
            }
            for (ChildDrover child : children) {
                assertThat(child.exitCode(Duration.ofSeconds(90))).as(child.output()).isZero();
            }
            assertAppliedExactlyOnce(db);
        }
    }

    @Test
    void aLoserWithAShortLockWaitExits3NamingTheHolder(@Database(DatabaseKind.MARIADB) TestDatabase db) throws Exception {
        Cli cli = project(db, "${x.pause}");
        String first = tenants.get(0);
        CompletableFuture<Cli.Result> holder = CompletableFuture.supplyAsync(
                () -> cli.run("-c", "app/drover.ini", "-t", first, "-x", "pause=4", "upgrade"));
        awaitSleep(db);

        Cli.Result loser = cli.run("-c", "app/drover.ini", "-t", first, "-x", "pause=0", "upgrade", "--lock-wait", "1");
        assertThat(loser.exitCode()).as(loser.toString()).isEqualTo(3);
        assertThat(loser.all()).contains("could not lock target 'app/" + first + "'", "MariaDB connection id");

        Cli.Result won = holder.get(60, TimeUnit.SECONDS);
        assertThat(won.exitCode()).as(won.toString()).isZero();
        assertThat(HostileTenantNamesIT.query(db, "SELECT revision FROM " + first + ".drover_history ORDER BY started_at"))
                .containsExactly("aaa001", "bbb002");
    }

    /** Bounded polling until a drover statement sleeps on the server. */
    private static void awaitSleep(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (HostileTenantNamesIT.query(db, "SELECT id FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(4%'")
                .isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no drover statement sleeping within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
