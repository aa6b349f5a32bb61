package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.CliRun;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 2: the migration connection is killed in the middle of a revision. PostgreSQL rolls the
 * revision back and a plain re-run applies it; MariaDB (non-transactional DDL) keeps the first
 * statement, and the started marker makes every later run refuse the target until the user
 * repairs it and records the state with {@code stamp --purge}, as the message says.
 */
@ExtendWith(DatabaseExtension.class)
class KilledConnectionIT {

    @TempDir
    Path tmp;

    private CliRun project(String url, String sleep) throws Exception {
        CliRun cli = new CliRun(tmp);
        cli.write("app/drover.ini", "[drover]\nurl = " + url + "\nversion_locations = %(here)s/versions\n");
        cli.write("app/versions/aaa001_a.sql", CliRun.script("aaa001", "", "CREATE TABLE t1 (id INT);", null));
        cli.write("app/versions/bbb002_b.sql", CliRun.script("bbb002", "aaa001",
                "CREATE TABLE t2 (id INT);\n" + sleep + ";\nCREATE TABLE t3 (id INT);", null));
        return cli;
    }

    @Test
    void postgresRollsTheRevisionBackAndARerunAppliesIt(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        CliRun cli = project(db.url(), "SELECT pg_sleep(${x.pause})");
        CompletableFuture<CliRun.Result> run = CompletableFuture.supplyAsync(
                () -> cli.run("-c", "app/drover.ini", "-x", "pause=60", "upgrade"));
        String pid = awaitOne(db, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'drover %'"
                + " AND query LIKE '%pg_sleep%' AND state = 'active'");
        db.execute("SELECT pg_terminate_backend(" + pid + ")");

        CliRun.Result killed = run.get(60, TimeUnit.SECONDS);
        assertThat(killed.exitCode()).as(killed.toString()).isEqualTo(1);
        assertThat(killed.out()).contains("failed 1", "revision 'bbb002', statement 2", "SQLSTATE 57P01");
        assertThat(HostileTenantNamesIT.query(db, "SELECT version_num FROM drover_version")).containsExactly("aaa001");
        assertThat(tables(db)).containsExactly("drover_history", "drover_version", "t1");
        assertThat(HostileTenantNamesIT.query(db, "SELECT revision || ':' || status FROM drover_history ORDER BY started_at"))
                .containsExactly("aaa001:done");

        CliRun.Result retry = cli.run("-c", "app/drover.ini", "-x", "pause=0", "upgrade");
        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(tables(db)).containsExactly("drover_fingerprint", "drover_history", "drover_version", "t1", "t2", "t3");
        assertThat(HostileTenantNamesIT.query(db, "SELECT revision || ':' || status FROM drover_history ORDER BY started_at"))
                .containsExactly("aaa001:done", "bbb002:done");
        assertThat(HostileTenantNamesIT.query(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).containsExactly("0");
    }

    @Test
    void mariaDbHalfAppliedIsRefusedUntilStampPurge(@Database(DatabaseKind.MARIADB) TestDatabase db) throws Exception {
        CliRun cli = project(db.url(), "SELECT SLEEP(${x.pause})");
        CompletableFuture<CliRun.Result> run = CompletableFuture.supplyAsync(
                () -> cli.run("-c", "app/drover.ini", "-x", "pause=60", "upgrade"));
        String id = awaitOne(db, "SELECT id FROM information_schema.processlist WHERE db = '" + db.name()
                + "' AND info LIKE 'SELECT SLEEP%'");
        db.execute("KILL CONNECTION " + id);

        CliRun.Result killed = run.get(60, TimeUnit.SECONDS);
        assertThat(killed.exitCode()).as(killed.toString()).isEqualTo(1);
        assertThat(killed.out()).contains("failed 1", "revision 'bbb002', statement 2");
        assertThat(tables(db)).containsExactly("drover_history", "drover_version", "t1", "t2");
        assertThat(HostileTenantNamesIT.query(db, "SELECT CONCAT(revision, ':', status, ':', statement_count) FROM drover_history"
                + " ORDER BY started_at")).containsExactly("aaa001:done:1", "bbb002:started:1");

        CliRun.Result refused = cli.run("-c", "app/drover.ini", "-x", "pause=0", "upgrade");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).contains("is half-way through the upgrade of revision 'bbb002'", "1 of 3 statements committed",
                "undo statements 1-1 and run 'drover -n drover stamp aaa001 --purge'");
        assertThat(HostileTenantNamesIT.query(db, "SELECT version_num FROM drover_version")).containsExactly("aaa001");

        db.execute("DROP TABLE t2");
        CliRun.Result stamp = cli.run("-c", "app/drover.ini", "stamp", "aaa001", "--purge");
        assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
        CliRun.Result repaired = cli.run("-c", "app/drover.ini", "-x", "pause=0", "upgrade");
        assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
        assertThat(tables(db)).containsExactly("drover_fingerprint", "drover_history", "drover_version", "t1", "t2", "t3");
        assertThat(HostileTenantNamesIT.query(db, "SELECT version_num FROM drover_version")).containsExactly("bbb002");
        assertThat(HostileTenantNamesIT.query(db, "SELECT count(*) FROM drover_history WHERE revision = 'bbb002' AND status = 'done'"))
                .containsExactly("1");
    }

    private static List<String> tables(TestDatabase db) throws Exception {
        String schema = db.kind() == DatabaseKind.POSTGRES ? "current_schema()" : "database()";
        return HostileTenantNamesIT.query(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + schema + " ORDER BY 1");
    }

    /** Bounded polling for the single row of {@code sql}. */
    private static String awaitOne(TestDatabase db, String sql) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<String> rows = HostileTenantNamesIT.query(db, sql);
            if (rows.size() == 1) {
                return rows.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no single row for " + sql + " within 30 s");
    }
}
