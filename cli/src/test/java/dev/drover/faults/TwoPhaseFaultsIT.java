package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.CliRun;
import dev.drover.orchestrator.twophase.CrashPoints;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 7 through the CLI: a PREPARE refused (a revision used a temporary table; the server's
 * prepared-transaction slots are used up) rolls both sections back; a CLI process that dies after
 * every participant prepared but before the decision leaves both in doubt and 'recover' rolls them
 * back (presumed abort); one that dies after the first COMMIT PREPARED exits 137 and 'recover'
 * commits the other participant. 'recover' is run twice each time. The coordinator-level crash
 * points are also covered by TwoPhaseCoordinatorPostgresIT; a max_prepared_transactions of 0 by the
 * Preflight unit test.
 */
@ExtendWith(DatabaseExtension.class)
class TwoPhaseFaultsIT {

    @TempDir
    Path tmp;

    private String first;
    private String second;
    private CliRun cli;

    /** Two fresh databases per test (the class's database is shared by its tests). */
    private void project(TestDatabase db, String tag) throws Exception {
        first = db.urlOf(db.createDatabase("billing" + tag));
        second = db.urlOf(db.createDatabase("ledger" + tag));
        cli = new CliRun(tmp);
        cli.env.put("DROVER_JOURNAL_DIR", tmp.resolve("journal").toString());
        cli.write("drover.ini", "[drover]\ndatabases = billing, ledger\n[DEFAULT]\ntwo_phase = true\n[billing]\nurl = " + first
                + "\nversion_locations = %(here)s/billing\n[ledger]\nurl = " + second + "\nversion_locations = %(here)s/ledger\n");
        cli.write("billing/b1_a.sql", CliRun.script("b1", "", "CREATE TABLE invoices (id INT);", null));
        cli.write("ledger/l1_a.sql", CliRun.script("l1", "", "CREATE TABLE entries (id INT);", null));
        CliRun.Result up = cli.run("upgrade");
        assertThat(up.exitCode()).as(up.toString()).isZero();
    }

    @Test
    void prepareRefusedForATemporaryTableRollsBothBack(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        project(db, "tmp");
        cli.write("billing/b2_b.sql", CliRun.script("b2", "b1",
                "CREATE TEMP TABLE scratch (id INT);\nALTER TABLE invoices ADD COLUMN total INT;", null));
        cli.write("ledger/l2_b.sql", CliRun.script("l2", "l1", "ALTER TABLE entries ADD COLUMN total INT;", null));

        CliRun.Result up = cli.run("upgrade");

        assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
        assertThat(up.out()).contains("PREPARE TRANSACTION failed on target 'billing'", "temporary tables");
        assertThat(rows(first, "SELECT version_num FROM drover_version")).containsExactly("b1");
        assertThat(rows(second, "SELECT version_num FROM drover_version")).containsExactly("l1");
        assertThat(rows(second, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'entries'")).containsExactly("1");
        assertThat(rows(first, "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()")).containsExactly("0");
        assertThat(rows(second, "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()")).containsExactly("0");
        for (int i = 0; i < 2; i++) {
            assertThat(cli.run("recover").out()).contains("nothing to recover");
        }
    }

    @Test
    void prepareRefusedWhenThePreparedTransactionSlotsAreUsedUp(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        project(db, "full");
        addTotalColumns();
        List<String> fillers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(first)) {
            // Occupy every free slot of max_prepared_transactions with empty prepared transactions.
            while (true) {
                String gid = "fx_fill_" + fillers.size();
                c.createStatement().execute("BEGIN");
                try {
                    c.createStatement().execute("PREPARE TRANSACTION '" + gid + "'");
                } catch (java.sql.SQLException full) {
                    assertThat(full.getMessage()).contains("maximum number of prepared transactions reached");
                    c.createStatement().execute("ROLLBACK");
                    break;
                }
                fillers.add(gid);
            }
            try {
                CliRun.Result up = cli.run("upgrade");

                assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
                assertThat(up.out()).contains("PREPARE TRANSACTION failed on target", "max_prepared_transactions");
                assertThat(rows(first, "SELECT version_num FROM drover_version")).containsExactly("b1");
                assertThat(rows(second, "SELECT version_num FROM drover_version")).containsExactly("l1");
                assertThat(rows(first, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'invoices'"))
                        .containsExactly("1");
                assertThat(rows(first, "SELECT count(*) FROM pg_prepared_xacts WHERE gid NOT LIKE 'fx_fill_%'"))
                        .containsExactly("0");
            } finally {
                for (String gid : fillers) {
                    c.createStatement().execute("ROLLBACK PREPARED '" + gid + "'");
                }
            }
        }
        CliRun.Result retry = cli.run("upgrade");
        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(rows(first, "SELECT version_num FROM drover_version")).containsExactly("b2");
        assertThat(rows(second, "SELECT version_num FROM drover_version")).containsExactly("l2");
    }

    @Test
    void killedBeforeTheDecisionThenRecoverRollsBothBackTwice(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        project(db, "undecided");
        addTotalColumns();

        ChildDrover crashed = ChildDrover.start(tmp, "undecided", List.of("-D" + CrashPoints.PROPERTY + "=" + CrashPoints.AFTER_PREPARE),
                Map.of("DROVER_JOURNAL_DIR", tmp.resolve("journal").toString()), "upgrade");
        assertThat(crashed.exitCode(Duration.ofSeconds(60))).as(crashed.output()).isEqualTo(137);
        assertThat(rows(first, "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()")).containsExactly("1");
        assertThat(rows(second, "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()")).containsExactly("1");
        assertThat(rows(first, "SELECT version_num FROM drover_version")).containsExactly("b1");
        assertThat(rows(second, "SELECT version_num FROM drover_version")).containsExactly("l1");

        CliRun.Result recover = cli.run("recover");
        assertThat(recover.exitCode()).as(recover.toString()).isZero();
        assertThat(rows(first, "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()")).containsExactly("0");
        assertThat(rows(second, "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()")).containsExactly("0");
        assertThat(rows(first, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'invoices'")).containsExactly("1");
        CliRun.Result again = cli.run("recover");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("nothing to recover");

        CliRun.Result up = cli.run("upgrade");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(rows(first, "SELECT version_num FROM drover_version")).containsExactly("b2");
        assertThat(rows(second, "SELECT version_num FROM drover_version")).containsExactly("l2");
        assertThat(rows(first, "SELECT revision || ':' || status FROM drover_history ORDER BY started_at"))
                .containsExactly("b1:done", "b2:done");
    }

    @Test
    void killedAfterTheFirstCommitThenRecoverTwice(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        project(db, "crash");
        addTotalColumns();

        ChildDrover crashed = ChildDrover.start(tmp, "crash", List.of("-D" + CrashPoints.PROPERTY + "=" + CrashPoints.AFTER_FIRST_COMMIT),
                Map.of("DROVER_JOURNAL_DIR", tmp.resolve("journal").toString()), "upgrade");
        assertThat(crashed.exitCode(Duration.ofSeconds(60))).as(crashed.output()).isEqualTo(137);
        List<String> heads = new ArrayList<>(rows(first, "SELECT version_num FROM drover_version"));
        heads.addAll(rows(second, "SELECT version_num FROM drover_version"));
        assertThat(heads).as("exactly one participant committed").containsExactlyInAnyOrder("b2", "l1")
                .hasSize(2);

        CliRun.Result recover = cli.run("recover");
        assertThat(recover.exitCode()).as(recover.toString()).isZero();
        assertThat(rows(first, "SELECT version_num FROM drover_version")).containsExactly("b2");
        assertThat(rows(second, "SELECT version_num FROM drover_version")).containsExactly("l2");
        CliRun.Result again = cli.run("recover");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("nothing to recover");
        CliRun.Result up = cli.run("upgrade", "--format", "json");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains("\"unchanged\" : 2");
    }

    /** The next revision of both sections: b2 and l2, each adding a column. */
    private void addTotalColumns() throws Exception {
        cli.write("billing/b2_b.sql", CliRun.script("b2", "b1", "ALTER TABLE invoices ADD COLUMN total INT;", null));
        cli.write("ledger/l2_b.sql", CliRun.script("l2", "l1", "ALTER TABLE entries ADD COLUMN total INT;", null));
    }

    private static List<String> rows(String url, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
