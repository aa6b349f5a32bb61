package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration commands as a user runs them on one database, written once and run per dialect:
 * {@code upgrade}, {@code current}, {@code downgrade -1}, {@code check}, {@code stamp}, a failing
 * revision, and {@code --sql}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MigrationCommandsContract {

    protected abstract DatabaseKind kind();

    private TestDatabase db;

    @TempDir
    Path tmp;

    private CliRun cli;

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

    @BeforeEach
    void project() throws IOException, SQLException {
        db.execute(dropTables());
        cli = new CliRun(tmp);
        assertThat(cli.run("init", "app").exitCode()).isZero();
        Files.writeString(tmp.resolve("app/drover.ini"), "[drover]\nurl = " + db.url()
                + "\nversion_locations = %(here)s/migrations/versions\n");
        script("aaa001", "", "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50));", "DROP TABLE accounts;");
        script("bbb002", "aaa001", "ALTER TABLE accounts ADD COLUMN email VARCHAR(100);",
                "ALTER TABLE accounts DROP COLUMN email;");
    }

    private String[] dropTables() {
        return new String[] {"DROP TABLE IF EXISTS broken", "DROP TABLE IF EXISTS accounts",
            "DROP TABLE IF EXISTS " + quoted("drover_version"), "DROP TABLE IF EXISTS " + quoted("drover_history")};
    }

    /** Drover quotes its table names, so lower case sticks on H2 too. */
    private String quoted(String name) {
        return kind() == DatabaseKind.MARIADB ? "`" + name + "`" : "\"" + name + "\"";
    }

    @Test
    void upgradeCurrentDowngradeAndCheck() throws SQLException {
        CliRun.Result up = drover("upgrade", "head");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains("succeeded").contains("<base> -> bbb002");
        assertThat(versionRows()).containsExactly("bbb002");
        assertThat(drover("current").out().strip()).isEqualTo("bbb002 (head)");
        assertThat(drover("check").exitCode()).isZero();

        CliRun.Result again = drover("upgrade");
        assertThat(again.out()).contains("unchanged");

        assertThat(drover("downgrade", "-1").exitCode()).isZero();
        assertThat(versionRows()).containsExactly("aaa001");
        CliRun.Result check = drover("check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("at aaa001, 1 pending");
        assertThat(drover("history", "-i").out()).contains("<base> -> aaa001 (current), step aaa001");
        assertThat(drover("history", "-r", "current:").out().strip()).isEqualTo("aaa001 -> bbb002 (head), step bbb002"
                + System.lineSeparator() + "<base> -> aaa001 (current), step aaa001");

        assertThat(drover("downgrade", "base").exitCode()).isZero();
        assertThat(versionRows()).isEmpty();
    }

    @Test
    void checkAndUpgradeRefuseAnAppliedScriptThatChanged() throws IOException, SQLException {
        assertThat(drover("upgrade").exitCode()).isZero();
        script("aaa001", "", "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(80));", "DROP TABLE accounts;");
        CliRun.Result check = drover("check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("applied script(s) changed: aaa001");
        script("ccc003", "bbb002", "CREATE TABLE broken (id INT);", "DROP TABLE broken;");
        CliRun.Result up = drover("upgrade");
        assertThat(up.exitCode()).as(up.toString()).isEqualTo(2);
        assertThat(up.err()).contains("'aaa001'").contains("nothing was run").contains("new revision");
        assertThat(versionRows()).containsExactly("bbb002");

        // the edit was intended: repair records the new checksum, and the next run proceeds
        CliRun.Result repair = drover("repair");
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(repair.out()).contains("accepted the current script of aaa001");
        assertThat(drover("upgrade").exitCode()).isZero();
        assertThat(versionRows()).containsExactly("ccc003");
        assertThat(drover("check").exitCode()).isZero();
    }

    @Test
    void stampAndPurgeRewriteTheVersionTableOnly() throws SQLException {
        assertThat(drover("stamp", "bbb002").exitCode()).isZero();
        assertThat(versionRows()).containsExactly("bbb002");
        assertThat(drover("stamp", "aaa001", "--purge").exitCode()).isZero();
        assertThat(versionRows()).containsExactly("aaa001");
    }

    @Test
    void aFailingRevisionFailsTheRunWithItsStatementAndLine() throws IOException, SQLException {
        script("ccc003", "bbb002", "CREATE TABLE broken (id INT);\nSELECT * FROM no_such_table;", "DROP TABLE broken;");
        CliRun.Result up = drover("upgrade", "head");
        assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
        assertThat(up.out()).contains("failed").contains("revision 'ccc003'").contains("statement 2").contains("SQLSTATE");
        assertThat(versionRows()).contains("bbb002");
    }

    @Test
    void offlineSqlNeedsNoDatabaseAndNamesNoCredential() {
        CliRun.Result sql = drover("upgrade", "head", "--sql");
        assertThat(sql.exitCode()).as(sql.toString()).isZero();
        assertThat(sql.out()).contains("CREATE TABLE accounts").contains("ALTER TABLE accounts ADD COLUMN email")
                .contains("bbb002").doesNotContain("password").doesNotContain("user=");
        assertThat(drover("upgrade", "head", "--sql").out()).isEqualTo(sql.out());
    }

    private CliRun.Result drover(String... args) {
        List<String> all = new ArrayList<>(List.of("-c", "app/drover.ini"));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    private void script(String id, String down, String upgrade, String downgrade) throws IOException {
        Files.writeString(tmp.resolve("app/migrations/versions/" + id + "_step.sql"), "-- revision: " + id
                + "\n-- down_revision: " + down + "\n-- message: step " + id + "\n\n-- drover:upgrade\n" + upgrade
                + "\n\n-- drover:downgrade\n" + downgrade + "\n");
    }

    private List<String> versionRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery("SELECT version_num FROM " + quoted("drover_version") + " ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (SQLException e) {
            if (!e.getMessage().toLowerCase().contains("drover_version")) {
                throw e;
            }
        }
        return rows;
    }
}
