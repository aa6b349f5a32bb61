package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.cli.CliRun;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import dev.drover.testing.TestSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 through the command line, written once and run per dialect: a fleet of three tenants while an
 * "application" session holds a row lock on one tenant's table. Drover's ALTER on that table gives up after
 * each lock timeout, a third session is never blocked much longer than one lock timeout, the other tenants
 * proceed, the blocked tenant ends {@code lock_timeout} naming the blocker, and a rerun finishes it. Then a
 * throttle held above its limit pauses the server, and a statement timeout is reported as such.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveFleetContract {

    static final double LOCK_TIMEOUT = 1.0;

    @TempDir
    Path tmp;

    protected TestDatabase db;
    protected final List<String> tenants = new ArrayList<>();

    protected abstract DatabaseKind kind();

    /** Creates empty tenants {@code prefix1..3} and returns the section's {@code tenants =} value. */
    protected abstract String createTenants(String prefix) throws Exception;

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

    protected CliRun project(String prefix, String extraIni, String secondRevision) throws Exception {
        String tenantsLine = createTenants(prefix);
        CliRun cli = new CliRun(tmp.resolve(prefix));
        cli.write("app/drover.ini", "[drover]\ndatabases = app\n[app]\nurl = " + db.url() + "\ntenants = " + tenantsLine
                + "\nversion_locations = %(here)s/versions\nmax_connections = 3\n" + extraIni);
        cli.write("app/versions/aaa001_a.sql", CliRun.script("aaa001", "",
                "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(20));\nINSERT INTO accounts VALUES (1, 'a');",
                null));
        cli.write("app/versions/bbb002_b.sql", secondRevision);
        return cli;
    }

    @Test
    void aBlockedTenantTimesOutRetriesNamesItsBlockerAndARerunFinishesIt() throws Exception {
        CliRun cli = project("lk", "", CliRun.script("bbb002", "aaa001",
                "CREATE TABLE audit (id INT);\nALTER TABLE accounts ADD COLUMN plan VARCHAR(20);", null));
        assertThat(cli.run("-q", "-c", "app/drover.ini", "upgrade", "aaa001").exitCode()).isZero();
        String busy = tenants.get(1);

        CliRun.Result blocked;
        long maxWaitMs;
        long blockerId;
        try (Connection blocker = db.connect(); Statement s = blocker.createStatement()) {
            s.execute(TestSql.use(kind(), busy));
            blocker.setAutoCommit(false);
            s.executeUpdate("UPDATE accounts SET name = name");
            blockerId = sessionId(blocker);
            try (ThirdSession third = new ThirdSession(busy)) {
                blocked = cli.run("-c", "app/drover.ini", "upgrade", "--lock-timeout", String.valueOf(LOCK_TIMEOUT),
                        "--lock-retries", "2", "--continue-on-error", "--report", "run.json");
                maxWaitMs = third.stop();
            }
            blocker.rollback();
        }

        System.out.println(kind() + ": longest wait of a third session's query on the locked table while Drover "
                + "retried: " + maxWaitMs + " ms (lock_timeout " + (long) (LOCK_TIMEOUT * 1000) + " ms)");
        assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(1);
        assertThat(blocked.out()).contains("lock-timeout").contains("pid " + blockerId);
        JsonNode report = new ObjectMapper().readTree(Files.readString(cli.cwd.resolve("run.json")));
        assertThat(report.get("summary").get("lockTimeout").asInt()).isEqualTo(1);
        assertThat(report.get("summary").get("succeeded").asInt()).isEqualTo(2);
        JsonNode target = report.get("targets").get(1);
        assertThat(target.get("status").asText()).isEqualTo("lock_timeout");
        assertThat(target.get("error").get("kind").asText()).isEqualTo("lock_timeout");
        assertThat(target.get("error").get("attempts").asInt()).isEqualTo(3);
        assertThat(target.get("error").get("blockers").findValuesAsText("pid")).contains(String.valueOf(blockerId));
        // Three lock timeouts plus two pauses of at least half of 1 s and 2 s.
        assertThat(target.get("durationMs").asLong()).isGreaterThanOrEqualTo(4_000);
        // The queue behind Drover's ALTER never held the application's queries much longer than one lock timeout.
        assertThat(maxWaitMs).isBetween(300L, (long) (LOCK_TIMEOUT * 1000) + 1_000);

        CliRun.Result rerun = cli.run("-q", "-c", "app/drover.ini", "upgrade", "--report", "rerun.json");
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        JsonNode after = new ObjectMapper().readTree(Files.readString(cli.cwd.resolve("rerun.json")));
        assertThat(after.get("targets").get(1).get("status").asText()).isEqualTo("succeeded");
        assertThat(after.get("summary").get("unchanged").asInt()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM " + qualified(busy, "accounts") + " WHERE plan IS NULL")).isEqualTo(1);
    }

    @Test
    void aThrottleHeldAboveItsLimitPausesTheServerAndTheReportShowsTheWait() throws Exception {
        db.execute("CREATE TABLE throttle_control (v INT)", "INSERT INTO throttle_control VALUES (100)");
        CliRun cli = project("th", "throttle_query = SELECT v FROM throttle_control\nthrottle_max = 10\nthrottle_wait = 60\n",
                CliRun.script("bbb002", "aaa001", "ALTER TABLE accounts ADD COLUMN plan VARCHAR(20);", null));

        CompletableFuture<CliRun.Result> run = CompletableFuture.supplyAsync(
                () -> cli.run("-c", "app/drover.ini", "upgrade", "--report", "run.json"));
        Thread.sleep(2_000);
        assertThat(run).isNotDone();
        assertThat(count("SELECT count(*) FROM " + qualified(tenants.get(0), "drover_history"), true)).isZero();
        db.execute("UPDATE throttle_control SET v = 0");
        CliRun.Result result = run.get(60, TimeUnit.SECONDS);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("throttled: ").contains("(throttle_query 100 > 10");
        assertThat(result.out()).contains("throttled servers:").contains("paused 1 time(s)");
        JsonNode report = new ObjectMapper().readTree(Files.readString(cli.cwd.resolve("run.json")));
        assertThat(report.get("summary").get("succeeded").asInt()).isEqualTo(3);
        JsonNode throttle = report.get("throttles").get(0);
        assertThat(throttle.get("pausedMs").asLong()).isGreaterThanOrEqualTo(1_500);
        assertThat(throttle.get("reason").asText()).isEqualTo("throttle_query 100 > 10");
        assertThat(throttle.get("gaveUp").asBoolean()).isFalse();

        db.execute("UPDATE throttle_control SET v = 100");
        cli.write("app/versions/ccc003_c.sql", CliRun.script("ccc003", "bbb002", "CREATE TABLE later (id INT);", null));
        Path ini = cli.cwd.resolve("app/drover.ini");
        Files.writeString(ini, Files.readString(ini).replace("throttle_wait = 60", "throttle_wait = 1"));
        CliRun.Result gaveUp = cli.run("-c", "app/drover.ini", "upgrade", "--continue-on-error", "--report", "gaveup.json");
        db.execute("DROP TABLE throttle_control");
        assertThat(gaveUp.exitCode()).isEqualTo(1);
        JsonNode stopped = new ObjectMapper().readTree(Files.readString(cli.cwd.resolve("gaveup.json")));
        assertThat(stopped.get("summary").get("throttled").asInt()).isEqualTo(3);
        assertThat(stopped.get("targets").get(0).get("error").get("message").asText())
                .contains("stayed throttled for longer than throttle_wait");
    }

    @Test
    void aStatementOverTheStatementTimeoutIsReportedAsSuchAndAHeaderCanAllowIt() throws Exception {
        CliRun cli = project("st", "statement_timeout = 0.5\n", CliRun.script("bbb002", "aaa001", TestSql.sleep(kind(), 2) + ";", null));

        CliRun.Result result = cli.run("-c", "app/drover.ini", "-t", tenants.get(0), "upgrade", "--report", "run.json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("statement-timeout, revision 'bbb002', statement 1")
                .contains("statement_timeout 0.5s");
        JsonNode report = new ObjectMapper().readTree(Files.readString(cli.cwd.resolve("run.json")));
        assertThat(report.get("targets").get(0).get("status").asText()).isEqualTo("failed");
        assertThat(report.get("targets").get(0).get("error").get("kind").asText()).isEqualTo("statement_timeout");

        cli.write("app/versions/bbb002_b.sql", "-- revision: bbb002\n-- down_revision: aaa001\n-- statement_timeout: 10\n"
                + "\n-- drover:upgrade\n" + TestSql.sleep(kind(), 2) + ";\n");
        CliRun.Result allowed = cli.run("-q", "-c", "app/drover.ini", "-t", tenants.get(0), "upgrade");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    }

    @Test
    void lintWarnsAboutWhatARunWouldExecuteAndStrictRefusesBeforeAnythingChanges() throws Exception {
        CliRun cli = project("li", "", CliRun.script("bbb002", "aaa001", dangerousStatement() + ";", null));

        CliRun.Result lint = cli.run("-c", "app/drover.ini", "lint");
        assertThat(lint.exitCode()).as(lint.toString()).isEqualTo(1);
        assertThat(lint.out()).contains("bbb002_b.sql:5: " + dangerousRule());

        CliRun.Result strict = cli.run("-c", "app/drover.ini", "upgrade", "--strict");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(2);
        assertThat(strict.err()).contains("WARNING: lint: ").contains(dangerousRule())
                .contains("refusing to upgrade with --strict: 1 lint finding(s)");
        assertThat(count("SELECT count(*) FROM " + qualified(tenants.get(0), "drover_history"), true)).isZero();

        CliRun.Result warned = cli.run("-q", "-c", "app/drover.ini", "upgrade");
        assertThat(warned.exitCode()).as(warned.toString()).isZero();
        assertThat(warned.err()).contains("WARNING: lint: ").contains(dangerousRule());

        // Nothing left to run, nothing to warn about.
        CliRun.Result again = cli.run("-q", "-c", "app/drover.ini", "upgrade", "--strict");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).doesNotContain("WARNING: lint");
    }

    /** A statement on the existing table {@code accounts} that this dialect's lint reports. */
    protected abstract String dangerousStatement();

    /** The rule that reports {@link #dangerousStatement()}. */
    protected abstract String dangerousRule();

    /** A table of a tenant, qualified for a plain session. */
    protected String qualified(String tenant, String table) {
        return tenant + "." + table;
    }

    private long sessionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TestSql.sessionId(kind()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    protected long count(String sql) throws SQLException {
        return count(sql, false);
    }

    /** The first column of the first row; with {@code missingIsZero}, 0 when the table does not exist yet. */
    protected long count(String sql, boolean missingIsZero) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if (missingIsZero) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * The application's other traffic: a new query on the locked table every 50 ms on its own connection,
     * timing how long each one waits.
     */
    private final class ThirdSession implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong maxMs = new AtomicLong();
        private final CompletableFuture<Void> loop;

        ThirdSession(String tenant) {
            loop = CompletableFuture.runAsync(() -> {
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    s.execute(TestSql.use(kind(), tenant));
                    while (running.get()) {
                        long start = System.nanoTime();
                        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM accounts")) {
                            rs.next();
                        }
                        maxMs.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                        Thread.sleep(50);
                    }
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        long stop() throws Exception {
            running.set(false);
            loop.get(30, TimeUnit.SECONDS);
            return maxMs.get();
        }

        @Override
        public void close() {
            running.set(false);
        }
    }
}
