package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema-per-tenant fleet on PostgreSQL driven through the CLI: the rolling upgrade with its
 * JSON report, status and check, a failing canary, and {@code --sql-dir} output that psql turns
 * into the same catalog as the online run.
 */
@ExtendWith(DatabaseExtension.class)
class FleetCommandsPostgresIT {

    private static final int TENANTS = 20;

    @TempDir
    Path tmp;

    @Test
    void rollingUpgradeReportStatusAndCheck(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        CliRun cli = project(db, db.url());
        createTenants(db.url());

        CliRun.Result up = cli.run("-c", "app/drover.ini", "upgrade", "head", "--report", "report.json", "--concurrency", "4");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
        assertThat(report.path("summary").path("succeeded").asInt()).isEqualTo(TENANTS);
        assertThat(report.path("targets").get(0).path("to").get(0).asText()).isEqualTo("bbb002");
        assertThat(report.toString()).doesNotContain("password");

        CliRun.Result status = cli.run("-c", "app/drover.ini", "status");
        assertThat(status.out()).contains("app/tenant_01").contains("bbb002  " + TENANTS);
        assertThat(cli.run("-c", "app/drover.ini", "check").exitCode()).isZero();

        CliRun.Result again = cli.run("-c", "app/drover.ini", "upgrade", "--format", "json");
        assertThat(new ObjectMapper().readTree(again.out()).path("summary").path("unchanged").asInt()).isEqualTo(TENANTS);
    }

    /** The fleet ledger serves the plain reads; what it cannot see, check --deep finds in the tables. */
    @Test
    void checkDeepReadsTheTablesAndReportsALedgerRowThatDisagrees(@Database(DatabaseKind.POSTGRES) TestDatabase db)
            throws Exception {
        CliRun cli = project(db, db.url());
        createTenants(db.url());
        assertThat(cli.run("-c", "app/drover.ini", "upgrade", "head").exitCode()).isZero();
        assertThat(TestSql.column(db.url(), "SELECT count(*) FROM public.drover_ledger WHERE version_schema LIKE 'tenant%'"))
                .containsExactly(String.valueOf(TENANTS));
        assertThat(cli.run("-c", "app/drover.ini", "check", "--deep").exitCode()).isZero();

        try (Connection c = DriverManager.getConnection(db.url())) { // changes a trigger cannot see
            c.createStatement().execute("SET session_replication_role = replica");
            c.createStatement().execute("UPDATE tenant_03.drover_version SET version_num = 'aaa001'");
        }

        assertThat(cli.run("-c", "app/drover.ini", "check").exitCode()).isZero();
        CliRun.Result deep = cli.run("-c", "app/drover.ini", "check", "--deep");
        assertThat(deep.exitCode()).as(deep.toString()).isEqualTo(1);
        assertThat(deep.out()).contains("ledger: the fleet ledger's row for target 'app/tenant_03' says bbb002 but its"
                + " tables say aaa001", "app/tenant_03: at aaa001, 1 pending");
    }

    @Test
    void aFailingCanaryLeavesTheOtherTenantsAlone(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        CliRun cli = project(db, db.url());
        createTenants(db.url());
        TestSql.execute(db.url(), "CREATE TABLE tenant_02.accounts (id INT)");

        CliRun.Result up = cli.run("-c", "app/drover.ini", "upgrade", "--canary", "3");
        assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
        assertThat(up.out()).contains("app/tenant_02").contains("42P07");
        assertThat(versionTables(db.url())).allMatch(schema -> schema.compareTo("tenant_03") <= 0);
    }

    @Test
    void sqlDirOutputBuildsTheSameCatalogAsTheOnlineRun(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        String offlineDb = db.createDatabase("offline");
        String offlineUrl = db.urlOf(offlineDb);
        CliRun cli = project(db, db.url());
        createTenants(db.url());
        createTenants(offlineUrl);

        // --sql opens no connection, so it cannot run the 'query:' source: the tenants are named in a file
        Files.writeString(tmp.resolve("tenants.txt"), String.join("\n", TestSql.column(db.url(),
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%' ORDER BY 1")) + "\n");
        CliRun.Result sql = cli.run("-c", "app/drover.ini", "upgrade", "head", "--sql", "--sql-dir", "sql",
                "--tenants-file", "tenants.txt");
        assertThat(sql.exitCode()).as(sql.toString()).isZero();
        List<Path> files;
        try (Stream<Path> listed = Files.list(tmp.resolve("sql"))) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(TENANTS);
        for (Path file : files) {
            Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", offlineDb, "-q",
                    "-v", "ON_ERROR_STOP=1", "-f", file.toString()).redirectErrorStream(true).start();
            String output = new String(psql.getInputStream().readAllBytes());
            assertThat(psql.waitFor()).as(output).isZero();
        }
        assertThat(cli.run("-c", "app/drover.ini", "upgrade", "head").exitCode()).isZero();
        assertThat(catalog(offlineUrl)).isEqualTo(catalog(db.url())).isNotEmpty();
    }

    private CliRun project(TestDatabase db, String url) throws IOException {
        CliRun cli = new CliRun(tmp);
        assertThat(cli.run("init", "app").exitCode()).isZero();
        Files.writeString(tmp.resolve("app/drover.ini"), """
                [drover]
                databases = app
                [app]
                url = %s
                tenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%%' ORDER BY 1
                version_locations = %%(here)s/migrations/versions
                max_connections = 4
                """.formatted(url));
        Path versions = tmp.resolve("app/migrations/versions");
        Files.writeString(versions.resolve("aaa001_accounts.sql"), "-- revision: aaa001\n-- down_revision:\n\n"
                + "-- drover:upgrade\nCREATE TABLE accounts (id INT PRIMARY KEY, note TEXT DEFAULT '${tenant}');\n\n"
                + "-- drover:downgrade\nDROP TABLE accounts;\n");
        Files.writeString(versions.resolve("bbb002_email.sql"), "-- revision: bbb002\n-- down_revision: aaa001\n\n"
                + "-- drover:upgrade\nALTER TABLE accounts ADD COLUMN email TEXT;\nCREATE INDEX accounts_email ON accounts (email);\n\n"
                + "-- drover:downgrade\nDROP INDEX accounts_email;\nALTER TABLE accounts DROP COLUMN email;\n");
        return cli;
    }

    /** Fresh tenant schemas (the database is shared by this class's tests). */
    private static void createTenants(String url) throws SQLException {
        for (int i = 1; i <= TENANTS; i++) {
            String schema = "tenant_" + String.format("%02d", i);
            TestSql.execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            TestSql.execute(url, "CREATE SCHEMA " + schema);
        }
    }


    private static List<String> versionTables(String url) throws SQLException {
        return TestSql.column(url, "SELECT table_schema FROM information_schema.tables WHERE table_name = 'drover_version'");
    }

    /** Columns (with defaults) and version rows of every tenant schema. */
    /** The tenants' catalog, without the fingerprint an online upgrade records for 'drover drift' (issue 16). */
    private static List<String> catalog(String url) throws SQLException {
        List<String> rows = TestSql.column(url, "SELECT table_schema || '.' || table_name || '.' || column_name || ':' || data_type"
                + " || ':' || coalesce(column_default, '') FROM information_schema.columns"
                + " WHERE table_schema LIKE 'tenant%' AND table_name <> 'drover_fingerprint' ORDER BY 1");
        rows.addAll(TestSql.column(url, "SELECT schemaname || '.' || indexname FROM pg_indexes WHERE schemaname LIKE 'tenant%'"
                + " AND tablename <> 'drover_fingerprint' ORDER BY 1"));
        for (String schema : TestSql.column(url, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%' ORDER BY 1")) {
            rows.addAll(TestSql.column(url, "SELECT '" + schema + ":' || version_num FROM " + schema + ".drover_version"));
        }
        return rows;
    }

}
