package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.cli.CliRun;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TcpProxy;
import dev.drover.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 8: a {@code query:} tenant source returns hostile and colliding names; they are
 * rejected and reported, never sent to the server (every client byte is recorded by a TcpProxy),
 * no schema, table or version row is created for them, and the valid tenants are migrated.
 */
@ExtendWith(DatabaseExtension.class)
class HostileTenantNamesIT {

    static final String LONG = "t" + "x".repeat(63);

    @TempDir
    Path tmp;

    @Test
    void hostileNamesAreRejectedAndTheOthersProceed(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA good_a", "CREATE SCHEMA good_b");
        db.execute("CREATE TABLE tenant_source (name TEXT)");
        List<String> hostile = List.of("bad'quote", "back`tick", "semi;colon; DROP SCHEMA good_a CASCADE; --",
                "sp ace", "\"dq\"", LONG, "Mixed_C", "mixed_c");
        try (Connection c = db.connect(); var insert = c.prepareStatement("INSERT INTO tenant_source VALUES (?)")) {
            for (String name : hostile) {
                insert.setString(1, name);
                insert.execute();
            }
        }
        TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432);
        CliRun cli = new CliRun(tmp);
        cli.write("app/drover.ini", "[drover]\ndatabases = app\n[app]\nurl = jdbc:postgresql://127.0.0.1:" + proxy.port()
                + "/" + db.name() + "?user=postgres"
                + "\ntenants = query: SELECT name FROM tenant_source UNION ALL SELECT 'good_a' UNION ALL SELECT 'good_b'\n"
                + "version_locations = %(here)s/versions\n");
        cli.write("app/versions/aaa001_t.sql", CliRun.script("aaa001", "",
                "CREATE TABLE marker (schema_name TEXT, tenant TEXT);\nINSERT INTO marker VALUES (current_schema(), '${tenant}');", null));

        CliRun.Result up = cli.run("-c", "app/drover.ini", "upgrade", "--report", "report.json");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        for (String name : hostile.subList(0, 5)) {
            assertThat(up.err()).contains("tenant '" + name + "' of section 'app' rejected and left alone: does not match");
        }
        assertThat(up.err()).contains("tenant '" + LONG + "' of section 'app' rejected and left alone: longer than 63 bytes",
                "tenant 'Mixed_C' of section 'app' rejected and left alone: differs only by letter case from 'mixed_c'",
                "tenant 'mixed_c' of section 'app' rejected and left alone: differs only by letter case from 'Mixed_C'");
        // The report lists the migrated targets only; rejections are warnings on stderr (see GUARANTEES.md).
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
        assertThat(report.path("summary").path("succeeded").asInt()).isEqualTo(2);
        assertThat(report.path("summary").path("targets").asInt()).isEqualTo(2);
        assertThat(query(db, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg_%' ORDER BY 1"))
                .containsExactly("good_a", "good_b", "information_schema", "public");
        assertThat(query(db, "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"))
                .containsExactly("good_a.drover_fingerprint", // what the revision produced on the first target (issue 16)
                        "good_a.drover_history", "good_a.drover_version", "good_a.marker",
                        "good_b.drover_history", "good_b.drover_version", "good_b.marker", "public.drover_ledger",
                        "public.tenant_source");
        assertThat(query(db, "SELECT schema_name || '=' || tenant FROM good_a.marker UNION ALL "
                + "SELECT schema_name || '=' || tenant FROM good_b.marker ORDER BY 1")).containsExactly("good_a=good_a", "good_b=good_b");

        // Offline SQL (no connection: the same names come from a file) is generated for the valid tenants only.
        List<String> named = new ArrayList<>(hostile);
        named.addAll(List.of("good_a", "good_b"));
        cli.write("tenants.txt", String.join("\n", named) + "\n");
        CliRun.Result sql = cli.run("-c", "app/drover.ini", "upgrade", "base:head", "--sql", "--sql-dir", "sql",
                "--tenants-file", "tenants.txt");
        assertThat(sql.exitCode()).as(sql.toString()).isZero();
        assertThat(sql.err()).contains("tenant 'semi;colon; DROP SCHEMA good_a CASCADE; --' of section 'app' rejected");
        try (var files = java.nio.file.Files.list(tmp.resolve("sql"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).hasSize(2)
                    .allMatch(f -> f.contains("good_a") || f.contains("good_b"));
        }
        proxy.close();
        // Everything Drover sent to the server: the valid tenants are there, no rejected name ever is.
        assertThat(proxy.clientBytes()).contains("good_a", "good_b").doesNotContain(hostile)
                .doesNotContainIgnoringCase("mixed_c").doesNotContain("semi;colon", "bad'quote", "back`tick");
    }

    @Test
    void hostileNamesFromAMariaDbSourceAreRejectedAndTheOthersProceed(@Database(DatabaseKind.MARIADB) TestDatabase db)
            throws Exception {
        String goodA = db.createDatabase("gooda");
        String goodB = db.createDatabase("goodb");
        db.execute("CREATE TABLE tenant_source (name VARCHAR(200))");
        List<String> hostile = List.of("back`tick", "bad'quote", "semi;colon; DROP DATABASE " + goodA + "; --",
                "sp ace", "x`; DROP TABLE tenant_source; --", LONG, "Mixed_C", "mixed_c");
        try (Connection c = db.connect(); var insert = c.prepareStatement("INSERT INTO tenant_source VALUES (?)")) {
            for (String name : hostile) {
                insert.setString(1, name);
                insert.execute();
            }
        }
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 3306)) {
            CliRun cli = new CliRun(tmp);
            cli.write("app/drover.ini", "[drover]\ndatabases = app\n[app]\nurl = jdbc:mariadb://127.0.0.1:" + proxy.port()
                    + "/" + db.name() + "?user=root\ntenants = query: SELECT name FROM tenant_source UNION ALL SELECT '"
                    + goodA + "' UNION ALL SELECT '" + goodB + "'\nversion_locations = %(here)s/versions\n");
            cli.write("app/versions/aaa001_t.sql", CliRun.script("aaa001", "", "CREATE TABLE marker (schema_name VARCHAR(64), "
                    + "tenant VARCHAR(64));\nINSERT INTO marker VALUES (database(), '${tenant}');", null));

            CliRun.Result up = cli.run("-c", "app/drover.ini", "upgrade", "--report", "report.json");

            assertThat(up.exitCode()).as(up.toString()).isZero();
            for (String name : hostile.subList(0, 5)) {
                assertThat(up.err()).contains("tenant '" + name + "' of section 'app' rejected and left alone: does not match");
            }
            assertThat(up.err()).contains("'Mixed_C' of section 'app' rejected and left alone: differs only by letter case");
            JsonNode report = new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
            assertThat(report.path("summary").path("succeeded").asInt()).isEqualTo(2);
            assertThat(report.path("summary").path("targets").asInt()).isEqualTo(2);
            assertThat(query(db, "SELECT CONCAT(schema_name, '=', tenant) FROM " + goodA + ".marker UNION ALL "
                    + "SELECT CONCAT(schema_name, '=', tenant) FROM " + goodB + ".marker ORDER BY 1"))
                    .containsExactly(goodA + "=" + goodA, goodB + "=" + goodB);
            assertThat(query(db, "SELECT COUNT(*) FROM tenant_source")).containsExactly(String.valueOf(hostile.size()));
            try (Connection c = db.connect();
                    var schemata = c.prepareStatement("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?")) {
                for (String name : hostile) {
                    schemata.setString(1, name);
                    try (ResultSet rs = schemata.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).as(name).isZero();
                    }
                }
            }
            proxy.close();
            assertThat(proxy.clientBytes()).contains(goodA, goodB).doesNotContain(hostile)
                    .doesNotContainIgnoringCase("mixed_c").doesNotContain("back`tick", "semi;colon", "bad'quote");
        }
    }

    static List<String> query(TestDatabase db, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
