package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.cli.CliRun;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 12: 1,000 tenant schemas at concurrency 64 with max_connections 8, in a child JVM with a 256 MB heap. No deadlock
 * (bounded exit), no event-loop blocking warning, and every row written by every revision names
 * its own tenant as current_schema() (no cross-tenant leakage through pooled connections). It takes
 * about 10 s locally, so it runs with the other ITs (and so in .ci/run); tagged 'load' so it can be
 * left out with {@code -DexcludedGroups=load}.
 */
@Tag("load")
@ExtendWith(DatabaseExtension.class)
class FleetLoadIT {

    static final int TENANTS = 1000;

    @TempDir
    Path tmp;

    @Test
    void aThousandTenantsAtConcurrency64OnEightConnections(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        db.execute("DO $$ BEGIN FOR i IN 1.." + TENANTS + " LOOP EXECUTE format('CREATE SCHEMA %I', 'load_' || lpad(i::text, 4, '0'));"
                + " END LOOP; END $$");
        CliRun cli = new CliRun(tmp);
        cli.write("app/drover.ini", "[drover]\ndatabases = app\n[app]\nurl = " + db.url()
                + "\ntenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'load\\_%' ORDER BY 1\n"
                + "version_locations = %(here)s/versions\nmax_connections = 8\n");
        cli.write("app/versions/aaa001_a.sql", CliRun.script("aaa001", "",
                "CREATE TABLE marker (schema_name TEXT, tenant TEXT, rev TEXT);\n"
                        + "INSERT INTO marker VALUES (current_schema(), '${tenant}', 'aaa001');", null));
        cli.write("app/versions/bbb002_b.sql", CliRun.script("bbb002", "aaa001",
                "INSERT INTO marker VALUES (current_schema(), '${schema}', 'bbb002');", null));

        ChildDrover run = ChildDrover.start(tmp, "load", List.of("-Xmx256m"), Map.of(), "-c", "app/drover.ini",
                "--no-progress", "upgrade", "--concurrency", "64", "--report", "r.json");
        assertThat(run.exitCode(Duration.ofSeconds(170))).as(run.output()).isZero();
        assertThat(run.output()).doesNotContainIgnoringCase("has been blocked").doesNotContain("OutOfMemoryError");
        JsonNode summary = new ObjectMapper().readTree(tmp.resolve("r.json").toFile()).path("summary");
        assertThat(summary.path("succeeded").asInt()).isEqualTo(TENANTS);

        db.execute("""
                CREATE FUNCTION fx_leaks() RETURNS bigint LANGUAGE plpgsql AS $$
                DECLARE s text; n bigint := 0; m bigint;
                BEGIN
                  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'load\\_%' LOOP
                    EXECUTE format('SELECT count(*) FROM %I.marker WHERE schema_name <> %L OR tenant <> %L', s, s, s) INTO m;
                    n := n + m;
                    EXECUTE format('SELECT 2 - count(DISTINCT rev) FROM %I.marker', s) INTO m;
                    n := n + m;
                    EXECUTE format('SELECT 2 - count(*) FROM %I.drover_history WHERE status = ''done''', s) INTO m;
                    n := n + m;
                    EXECUTE format('SELECT count(*) FROM %I.drover_version WHERE version_num <> ''bbb002''', s) INTO m;
                    n := n + m;
                  END LOOP;
                  RETURN n;
                END $$""");
        assertThat(HostileTenantNamesIT.query(db, "SELECT fx_leaks()")).containsExactly("0");
        assertThat(HostileTenantNamesIT.query(db, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'load\\_%'"))
                .containsExactly(String.valueOf(TENANTS));
    }
}
