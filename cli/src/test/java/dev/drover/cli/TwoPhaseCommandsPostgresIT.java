package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code two_phase} sections on two PostgreSQL databases move together through the CLI: both
 * commit, or a failure in the second rolls the first back too; nothing is left prepared.
 */
@ExtendWith(DatabaseExtension.class)
class TwoPhaseCommandsPostgresIT {

    @TempDir
    Path tmp;

    @Test
    void bothDatabasesCommitTogetherOrNotAtAll(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        String second = db.urlOf(db.createDatabase("second"));
        Files.createDirectories(tmp.resolve("billing"));
        Files.createDirectories(tmp.resolve("ledger"));
        Files.createDirectories(tmp.resolve("audit"));
        Files.writeString(tmp.resolve("drover.ini"), """
                [drover]
                databases = billing, ledger, audit
                [DEFAULT]
                two_phase = true
                [billing]
                url = %s
                version_locations = %%(here)s/billing
                [ledger]
                url = %s
                version_locations = %%(here)s/ledger
                [audit]
                url = %s
                two_phase = false
                version_table = audit_version
                history_table = audit_history
                version_locations = %%(here)s/audit
                """.formatted(db.url(), second, db.url()));
        script("billing", "b1", "", "CREATE TABLE invoices (id INT)");
        script("ledger", "l1", "", "CREATE TABLE entries (id INT)");
        script("audit", "a1", "", "CREATE TABLE audit_log (id INT)");
        CliRun cli = new CliRun(tmp);
        cli.env.put("DROVER_JOURNAL_DIR", tmp.resolve("journal").toString());

        CliRun.Result up = cli.run("upgrade", "--report", "report.json");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
        assertThat(report.path("targets").get(0).path("twoPhase").path("decision").asText()).isEqualTo("commit");
        assertThat(up.err()).as("the progress line counts the two-phase group and the fan-out").contains(
                "drover: 3/3 done, 0 failed, 0 running");
        assertThat(rows(db.url(), "SELECT version_num FROM drover_version")).containsExactly("b1");
        assertThat(rows(second, "SELECT version_num FROM drover_version")).containsExactly("l1");

        script("billing", "b2", "b1", "ALTER TABLE invoices ADD COLUMN total INT");
        script("ledger", "l2", "l1", "ALTER TABLE no_such_table ADD COLUMN total INT");
        CliRun.Result failing = cli.run("upgrade");
        assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(1);
        assertThat(rows(db.url(), "SELECT version_num FROM drover_version")).containsExactly("b1");
        assertThat(rows(db.url(), "SELECT column_name FROM information_schema.columns WHERE table_name = 'invoices'"))
                .containsExactly("id");
        assertThat(rows(db.url(), "SELECT gid FROM pg_prepared_xacts")).isEmpty();
        assertThat(rows(second, "SELECT gid FROM pg_prepared_xacts")).isEmpty();
        assertThat(cli.run("recover").out()).contains("nothing to recover");
        JsonNode recovered = new ObjectMapper().readTree(cli.run("recover", "--format", "json").out());
        assertThat(recovered.path("transactions")).isEmpty();
        assertThat(recovered.path("unresolved").asBoolean()).isFalse();
    }

    @Test
    void twoPhaseOnH2IsRefusedBeforeAnythingRuns() throws Exception {
        Files.createDirectories(tmp.resolve("v"));
        Files.writeString(tmp.resolve("drover.ini"), "[drover]\nurl = jdbc:h2:mem:tp\ntwo_phase = true\n"
                + "version_locations = %(here)s/v\n");
        CliRun.Result up = new CliRun(tmp).run("upgrade");
        assertThat(up.exitCode()).isEqualTo(2);
        assertThat(up.err()).contains("two_phase").contains("PostgreSQL").contains("drover.ini");
    }

    private void script(String dir, String id, String down, String sql) throws Exception {
        Files.writeString(tmp.resolve(dir + "/" + id + "_s.sql"), "-- revision: " + id + "\n-- down_revision: " + down
                + "\n\n-- drover:upgrade\n" + sql + ";\n");
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
