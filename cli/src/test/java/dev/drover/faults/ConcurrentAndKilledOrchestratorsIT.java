package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios 4 and 5: several orchestrator processes (child JVMs) on one PostgreSQL fleet apply
 * every revision exactly once per target; a loser with a short --lock-wait exits 3 naming the
 * holder; a process killed with SIGKILL mid-revision leaves no lock and nothing half-applied, and
 * the next run finishes the fleet.
 */
@ExtendWith(DatabaseExtension.class)
class ConcurrentAndKilledOrchestratorsIT {

    static final int TENANTS = 12;

    @TempDir
    Path tmp;

    private Cli project(TestDatabase db, String sleep) throws Exception {
        db.execute("DROP SCHEMA IF EXISTS " + String.join(", ", schemas()) + " CASCADE");
        for (String schema : schemas()) {
            db.execute("CREATE SCHEMA " + schema);
        }
        Cli cli = new Cli(tmp);
        cli.write("app/drover.ini", "[drover]\ndatabases = app\n[app]\nurl = " + db.url()
                + "\ntenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'fx_tenant%' ORDER BY 1\n"
                + "version_locations = %(here)s/versions\nmax_connections = 4\n");
        cli.write("app/versions/aaa001_a.sql", Cli.script("aaa001", "",
                "CREATE TABLE marker (schema_name TEXT, tenant TEXT);\nINSERT INTO marker VALUES (current_schema(), '${tenant}');", null));
        cli.write("app/versions/bbb002_b.sql", Cli.script("bbb002", "aaa001",
                "SELECT pg_sleep(" + sleep + ");\nINSERT INTO marker VALUES (current_schema(), '${tenant}');", null));
        return cli;
    }

    private static List<String> schemas() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= TENANTS; i++) {
            names.add("fx_tenant_" + String.format("%02d", i));
        }
        return names;
    }

    /** Every tenant at bbb002, one done history row per revision, two marker rows naming its own schema. */
    private static void assertAppliedExactlyOnce(TestDatabase db) throws Exception {
        for (String schema : schemas()) {
            assertThat(HostileTenantNamesIT.query(db, "SELECT version_num FROM " + schema + ".drover_version"))
                    .as(schema).containsExactly("bbb002");
            assertThat(HostileTenantNamesIT.query(db, "SELECT revision || ':' || direction || ':' || status FROM "
                    + schema + ".drover_history ORDER BY started_at")).as(schema)
                    .containsExactly("aaa001:upgrade:done", "bbb002:upgrade:done");
            assertThat(HostileTenantNamesIT.query(db, "SELECT schema_name || '=' || tenant FROM " + schema + ".marker"))
                    .as(schema).containsExactly(schema + "=" + schema, schema + "=" + schema);
        }
        assertThat(HostileTenantNamesIT.query(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
                .containsExactly("0");
    }

    @Test
    void twoThenFiveProcessesApplyEveryRevisionExactlyOnce(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        for (int processes : new int[] {2, 5}) {
            project(db, "0.1");
            List<ChildDrover> children = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                children.add(ChildDrover.start(tmp, "p" + processes + "-" + i, "-q", "-c", "app/drover.ini", "upgrade",
                        "--lock-wait", "60", "--concurrency", "4"));
            }
            for (ChildDrover child : children) {
                assertThat(child.exitCode(Duration.ofSeconds(90))).as(child.output()).isZero();
            }
            assertAppliedExactlyOnce(db);
        }
    }

    @Test
    void aLoserWithAShortLockWaitExits3NamingTheHolder(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        Cli cli = project(db, "4");
        ChildDrover holder = ChildDrover.start(tmp, "holder", "-q", "-c", "app/drover.ini", "-t", "fx_tenant_01", "upgrade");
        awaitSleepingDrover(db);

        Cli.Result loser = cli.run("-c", "app/drover.ini", "-t", "fx_tenant_01", "upgrade", "--lock-wait", "1");
        assertThat(loser.exitCode()).as(loser.toString()).isEqualTo(3);
        assertThat(loser.all()).contains("PostgreSQL backend pid", "application 'drover ");

        assertThat(holder.exitCode(Duration.ofSeconds(60))).as(holder.output()).isZero();
        assertThat(HostileTenantNamesIT.query(db, "SELECT revision FROM fx_tenant_01.drover_history ORDER BY started_at"))
                .containsExactly("aaa001", "bbb002");
    }

    @Test
    void aKilledProcessLeavesNoLockAndTheNextRunFinishes(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        Cli cli = project(db, "1");
        ChildDrover victim = ChildDrover.start(tmp, "victim", "-q", "-c", "app/drover.ini", "upgrade", "--concurrency", "2");
        awaitSleepingDrover(db);
        victim.kill();
        await(() -> count(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'drover %'") == 0,
                Duration.ofSeconds(30));

        Cli.Result next = cli.run("-c", "app/drover.ini", "upgrade", "--lock-wait", "5");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertAppliedExactlyOnce(db);
    }

    private static void awaitSleepingDrover(TestDatabase db) throws Exception {
        await(() -> count(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'drover %'"
                + " AND query LIKE '%pg_sleep%' AND state = 'active'") > 0, Duration.ofSeconds(60));
    }

    private static long count(TestDatabase db, String sql) {
        try {
            return Long.parseLong(HostileTenantNamesIT.query(db, sql).get(0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bounded polling: fails the test at the deadline. */
    private static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
