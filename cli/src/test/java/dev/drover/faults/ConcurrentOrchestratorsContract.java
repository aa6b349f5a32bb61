package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.CliRun;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 5, written once and run per dialect: several orchestrator processes (child JVMs) on one
 * fleet apply every revision exactly once per target, each revision's rows naming its own tenant;
 * a loser with a short --lock-wait exits 3 naming the holder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentOrchestratorsContract {

    static final int TENANTS = 6;

    @TempDir
    Path tmp;

    protected TestDatabase db;

    /** The tenants of the fleet: PostgreSQL schemas or MariaDB databases, created empty for each project. */
    protected final List<String> tenants = new ArrayList<>();

    protected abstract DatabaseKind kind();

    /** Creates (or empties) the tenants and returns the section's {@code tenants =} value. */
    protected abstract String createTenants() throws Exception;

    /** A statement that sleeps {@code seconds} (a number or a placeholder). */
    protected abstract String sleep(String seconds);

    /** SQL naming the tenant a statement runs in. */
    protected abstract String currentTenant();

    /** Counts statements of a drover run sleeping on the server. */
    protected abstract String sleepingDrovers();

    /** How a lock-timeout message names the holder. */
    protected abstract List<String> holderTexts();

    /** What must hold on the server once every run ended (PostgreSQL: no advisory lock left). */
    protected void assertNothingLeft() throws Exception {}

    @BeforeAll
    void openDatabase() {
        db = TestDatabases.open(kind());
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    protected CliRun project(String seconds) throws Exception {
        String tenantsLine = createTenants();
        CliRun cli = new CliRun(tmp);
        cli.write("app/drover.ini", "[drover]\ndatabases = app\n[app]\nurl = " + db.url() + "\ntenants = " + tenantsLine
                + "\nversion_locations = %(here)s/versions\nmax_connections = 3\n");
        cli.write("app/versions/aaa001_a.sql", CliRun.script("aaa001", "",
                "CREATE TABLE marker (schema_name VARCHAR(64), tenant VARCHAR(64));\n"
                        + "INSERT INTO marker VALUES (" + currentTenant() + ", '${tenant}');", null));
        cli.write("app/versions/bbb002_b.sql", CliRun.script("bbb002", "aaa001",
                sleep(seconds) + ";\nINSERT INTO marker VALUES (" + currentTenant() + ", '${tenant}');", null));
        return cli;
    }

    /** Every tenant at bbb002, one done history row per revision, two marker rows naming its own tenant. */
    protected void assertAppliedExactlyOnce() throws Exception {
        for (String tenant : tenants) {
            assertThat(rows("SELECT version_num FROM " + tenant + ".drover_version")).as(tenant).containsExactly("bbb002");
            assertThat(rows("SELECT revision, direction, status FROM " + tenant + ".drover_history ORDER BY started_at"))
                    .as(tenant).containsExactly("aaa001:upgrade:done", "bbb002:upgrade:done");
            assertThat(rows("SELECT schema_name, tenant FROM " + tenant + ".marker")).as(tenant)
                    .containsExactly(tenant + ":" + tenant, tenant + ":" + tenant);
        }
        assertNothingLeft();
    }

    @Test
    void twoThenFiveProcessesApplyEveryRevisionExactlyOnce() throws Exception {
        for (int processes : new int[] {2, 5}) {
            project("0.2");
            List<ChildDrover> children = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                children.add(ChildDrover.start(tmp, "p" + processes + "-" + i, "-q", "-c", "app/drover.ini", "upgrade",
                        "--lock-wait", "60", "--concurrency", "3"));
            }
            for (ChildDrover child : children) {
                assertThat(child.exitCode(Duration.ofSeconds(90))).as(child.output()).isZero();
            }
            assertAppliedExactlyOnce();
        }
    }

    @Test
    void aLoserWithAShortLockWaitExits3NamingTheHolder() throws Exception {
        CliRun cli = project("${x.pause}");
        String first = tenants.get(0);
        CompletableFuture<CliRun.Result> holder = CompletableFuture.supplyAsync(
                () -> cli.run("-c", "app/drover.ini", "-t", first, "-x", "pause=4", "upgrade"));
        awaitSleepingDrover();

        CliRun.Result loser = cli.run("-c", "app/drover.ini", "-t", first, "-x", "pause=0", "upgrade", "--lock-wait", "1");
        assertThat(loser.exitCode()).as(loser.toString()).isEqualTo(3);
        assertThat(loser.all()).contains("could not lock target 'app/" + first + "'").contains(holderTexts());

        CliRun.Result won = holder.get(60, TimeUnit.SECONDS);
        assertThat(won.exitCode()).as(won.toString()).isZero();
        assertThat(rows("SELECT revision FROM " + first + ".drover_history ORDER BY started_at"))
                .containsExactly("aaa001", "bbb002");
    }

    protected void awaitSleepingDrover() throws Exception {
        await(() -> count(sleepingDrovers()) > 0, Duration.ofSeconds(60));
    }

    protected long count(String sql) {
        try {
            return Long.parseLong(rows(sql).get(0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each row's columns joined with ':'. */
    protected List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(":", values));
            }
        }
        return rows;
    }

    /** Bounded polling: fails the test at the deadline. */
    protected static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
