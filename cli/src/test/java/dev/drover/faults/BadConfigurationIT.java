package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.CliRun;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 10: bad configuration and bad scripts are refused with exit code 2, a message naming
 * the file (and line), before any connection is opened: the H2 file database is never created.
 */
class BadConfigurationIT {

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void project() throws Exception {
        cli = new CliRun(tmp);
        cli.write("app/drover.ini", ini("tenants = acme, globex"));
        cli.write("app/versions/aaa001_accounts.sql", CliRun.script("aaa001", "", "CREATE TABLE accounts (id INT);", "DROP TABLE accounts;"));
        cli.write("app/versions/bbb002_email.sql", CliRun.script("bbb002", "aaa001",
                "ALTER TABLE accounts ADD COLUMN email VARCHAR(80) DEFAULT '${tenant}';", "ALTER TABLE accounts DROP COLUMN email;"));
    }

    private static String ini(String tenants) {
        return "[drover]\ndatabases = app\n\n[app]\nurl = jdbc:h2:file:%(here)s/data/fleet\n" + tenants
                + "\ncreate_schema = true\nversion_locations = %(here)s/versions\n";
    }

    private CliRun.Result refused(String expectedFile, String... messageParts) {
        CliRun.Result up = cli.run("-c", "app/drover.ini", "upgrade", "head");
        assertThat(up.exitCode()).as(up.toString()).isEqualTo(2);
        assertThat(up.all()).as(up.toString()).contains(expectedFile).contains(messageParts);
        assertThat(tmp.resolve("app/data")).as("no connection was opened").doesNotExist();
        return up;
    }

    @Test
    void malformedIniNamesFileAndLine() throws Exception {
        cli.write("app/drover.ini", "[drover]\ndatabases = app\n\n[app\nurl = jdbc:h2:mem:x\n");
        refused("drover.ini:4: '[app' is not a section header", "no closing ']'");
    }

    @Test
    void missingEnvironmentVariableNamesKeyAndVariableNeverAValue() throws Exception {
        cli.env.put("SOME_OTHER", "s3cr3t-value");
        cli.write("app/drover.ini", ini("tenants = acme\npassword = ${env:APP_PASSWORD}"));
        CliRun.Result up = refused("drover.ini", "APP_PASSWORD", "password");
        assertThat(up.all()).doesNotContain("s3cr3t-value");
    }

    @Test
    void unknownSectionInDatabasesList() throws Exception {
        cli.write("app/drover.ini", "[drover]\ndatabases = app, billing\n\n[app]\nurl = jdbc:h2:file:%(here)s/data/fleet\n"
                + "version_locations = %(here)s/versions\n");
        refused("drover.ini", "billing");
    }

    @Test
    void cycleInTheRevisionGraph() throws Exception {
        cli.write("app/versions/aaa001_accounts.sql", CliRun.script("aaa001", "bbb002", "CREATE TABLE accounts (id INT);", null));
        refused("aaa001_accounts.sql", "Cycle detected");
    }

    @Test
    void missingParentRevision() throws Exception {
        cli.write("app/versions/bbb002_email.sql", CliRun.script("bbb002", "fff999", "SELECT 1;", null));
        refused("bbb002_email.sql", "fff999");
    }

    @Test
    void duplicateRevisionId() throws Exception {
        cli.write("app/versions/ccc003_again.sql", CliRun.script("bbb002", "aaa001", "SELECT 1;", null));
        refused("ccc003_again.sql", "bbb002");
    }

    @Test
    void multipleHeadsAreRefusedBeforeAnyConnectionAlsoInTheDryRun() throws Exception {
        cli.write("app/versions/ccc003_other.sql", CliRun.script("ccc003", "aaa001", "SELECT 1;", null));
        CliRun.Result up = refused("ccc003_other.sql", "upgrade 'head' cannot be resolved, so nothing was run: section 'app':",
                "Multiple heads", "'bbb002' (", "bbb002_email.sql)");
        CliRun.Result dryRun = cli.run("-c", "app/drover.ini", "upgrade", "head", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(2);
        assertThat(dryRun.err()).isEqualTo(up.err());
        assertThat(tmp.resolve("app/data")).as("the dry run opened no connection either").doesNotExist();
    }

    @Test
    void unterminatedQuoteNamesScriptAndLine() throws Exception {
        cli.write("app/versions/bbb002_email.sql", CliRun.script("bbb002", "aaa001",
                "SELECT 1;\nINSERT INTO accounts VALUES ('oops);", null));
        refused("bbb002_email.sql", ":6");
    }

    @Test
    void undefinedPlaceholderIsAPlanTimeError() throws Exception {
        cli.write("app/versions/bbb002_email.sql", CliRun.script("bbb002", "aaa001",
                "SELECT 1;\nINSERT INTO accounts VALUES ('${x.region}');", null));
        refused("bbb002_email.sql", "x.region");
        // stamp renders no script, so it needs no -x value
        CliRun.Result stamp = cli.run("-c", "app/drover.ini", "stamp", "aaa001");
        assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
    }

    @Test
    void editedAppliedRevisionIsRefusedByCheckAndUpgrade() throws Exception {
        CliRun.Result first = cli.run("-c", "app/drover.ini", "upgrade", "aaa001");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        cli.write("app/versions/aaa001_accounts.sql", CliRun.script("aaa001", "", "CREATE TABLE accounts (id BIGINT);", null));

        // docs/cli.md, exit codes: 'check' exits 1 on a changed applied script (the fleet is not healthy).
        CliRun.Result check = cli.run("-c", "app/drover.ini", "check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).contains("app/acme: at aaa001, 1 pending; applied script(s) changed: aaa001");
        // 'upgrade' reads every target's history first and refuses the whole run (exit 2): nothing runs anywhere.
        for (String command : List.of("upgrade", "downgrade")) {
            CliRun.Result up = cli.run("-c", "app/drover.ini", command, command.equals("upgrade") ? "head" : "base");
            assertThat(up.exitCode()).as(up.toString()).isEqualTo(2);
            assertThat(up.err()).contains("applied revision(s) changed since they ran, so nothing was run: 'aaa001' (",
                    "aaa001_accounts.sql) on target(s) 'app/acme', 'app/globex'", "new revision");
            assertThat(versions()).containsExactly("acme:aaa001", "globex:aaa001");
        }
        CliRun.Result dryRun = cli.run("-c", "app/drover.ini", "upgrade", "head", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(2);
        assertThat(dryRun.err()).contains("applied revision(s) changed since they ran");
        assertThat(history()).containsExactly("acme:aaa001:done", "globex:aaa001:done");
    }

    @Test
    void editedScriptOfARevisionNotYetAppliedAnywhereIsNoRefusal() throws Exception {
        assertThat(cli.run("-c", "app/drover.ini", "upgrade", "aaa001").exitCode()).isZero();
        cli.write("app/versions/bbb002_email.sql", CliRun.script("bbb002", "aaa001",
                "ALTER TABLE accounts ADD COLUMN email VARCHAR(120) DEFAULT '${tenant}';", null));
        CliRun.Result up = cli.run("-c", "app/drover.ini", "upgrade", "head");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(versions()).containsExactly("acme:bbb002", "globex:bbb002");
    }

    private List<String> history() throws Exception {
        return rows("drover_history", "revision", "status");
    }

    private List<String> versions() throws Exception {
        return rows("drover_version", "version_num");
    }

    /** Every tenant's rows of {@code table}: {@code tenant:column1[:column2...]}, tenants in order. */
    private List<String> rows(String table, String... columns) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + tmp.resolve("app/data/fleet"))) {
            ResultSet schemas = c.createStatement().executeQuery("SELECT table_schema FROM information_schema.tables"
                    + " WHERE lower(table_name) = '" + table + "' ORDER BY 1");
            List<String> names = new ArrayList<>();
            while (schemas.next()) {
                names.add(schemas.getString(1));
            }
            for (String schema : names) {
                ResultSet rs = c.createStatement().executeQuery("SELECT " + String.join(", ", columns) + " FROM \""
                        + schema + "\".\"" + table + "\" ORDER BY 1");
                while (rs.next()) {
                    StringBuilder row = new StringBuilder(schema.toLowerCase());
                    for (int i = 1; i <= columns.length; i++) {
                        row.append(':').append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }
}
