package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, written once and run per dialect: a fleet of {@value #TENANTS} tenants moved to head by
 * Drover, then altered by hand. {@code drover drift} reports exactly the altered tenants with exactly
 * their differences, nothing for an unchanged fleet, never compares tenants at different revisions,
 * and reports a fleet changed everywhere against what its revision produced on the first tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DriftContract {

    static final int TENANTS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path tmp;
    protected TestDatabase db;
    protected List<String> tenants;
    private CliRun cli;

    protected abstract DatabaseKind kind();

    /** Creates (or names, when Drover creates them) {@code count} empty tenants, named {@code dtNN...} in order. */
    protected abstract List<String> createTenants(int count) throws Exception;

    /** Extra {@code [app]} lines (e.g. {@code create_schema = true}). */
    protected abstract String sectionLines();

    /** {@code name} in {@code tenant}'s schema, quoted for the dialect (the scripts' unquoted names as stored). */
    protected abstract String qualified(String tenant, String name);

    /** Changes {@code invoices.total} from numeric(12,2) to numeric(14,2), keeping NOT NULL (and the view). */
    protected abstract String[] changeTotalType(String tenant);

    /** What drift says about the three hand changes: extra index, changed column, dropped view. */
    protected abstract List<String> expectedDifferences();

    @BeforeAll
    void fleetAtHead(@TempDir Path directory) throws Exception {
        tmp = directory;
        db = TestDatabases.open(kind());
        tenants = createTenants(TENANTS);
        cli = new CliRun(tmp);
        Files.writeString(tmp.resolve("drover.ini"), "[drover]\ndatabases = app\nconcurrency = 4\n\n[app]\nurl = " + db.url()
                + "\ntenants = " + String.join(", ", tenants) + "\n" + sectionLines()
                + "version_locations = %(here)s/versions\n");
        Files.createDirectories(tmp.resolve("versions"));
        Files.writeString(tmp.resolve("versions/aaa001_invoices.sql"), script("aaa001", "",
                "CREATE TABLE invoices (id INT PRIMARY KEY, total NUMERIC(12,2) NOT NULL, created_at TIMESTAMP NULL);\n"
                        + "CREATE INDEX ix_invoices_created ON invoices (created_at);",
                "DROP TABLE invoices;"));
        Files.writeString(tmp.resolve("versions/bbb002_view.sql"), script("bbb002", "aaa001",
                "CREATE VIEW big_invoices AS SELECT id, total FROM invoices WHERE total > 100;", "DROP VIEW big_invoices;"));
        CliRun.Result up = drover("upgrade", "head", "--no-progress");
        assertThat(up.exitCode()).as(up.toString()).isZero();
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void anUnchangedFleetReportsNothing() {
        CliRun.Result drift = drover("drift");
        assertThat(drift.exitCode()).as(drift.toString()).isZero();
        assertThat(drift.out()).contains("OK: " + TENANTS + " target(s) in 1 group(s)");
        assertThat(drover("check", "--drift").exitCode()).isZero();
    }

    @Test
    @Order(2)
    void tenantsAtDifferentRevisionsAreNeverComparedWithEachOther() throws Exception {
        String glob = "dt0*"; // the first ten tenants
        List<String> older = tenants.stream().filter(t -> t.startsWith("dt0")).toList();
        assertThat(older).hasSize(10);
        CliRun.Result down = drover("-t", glob, "downgrade", "aaa001", "--no-progress");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        try {
            CliRun.Result drift = drover("--format", "json", "drift");
            assertThat(drift.exitCode()).as(drift.toString()).isZero();
            JsonNode groups = JSON.readTree(drift.out()).get("groups");
            assertThat(groups).hasSize(2);
            List<String> summary = new ArrayList<>();
            groups.forEach(g -> summary.add(g.get("revision").asText() + ":" + g.get("targets").asInt()));
            assertThat(summary).containsExactlyInAnyOrder("aaa001:10", "bbb002:40");

            db.execute("CREATE INDEX ix_invoices_total ON " + qualified(older.get(3), "invoices") + " (total)");
            CliRun.Result one = drover("drift");
            assertThat(one.exitCode()).as(one.toString()).isEqualTo(1);
            assertThat(one.out()).contains("app/" + older.get(3) + " at aaa001 differs from the majority (9 of 10 targets):")
                    .contains("DRIFT: 1 of 50 target(s)");
            db.execute("DROP INDEX " + (kind() == DatabaseKind.MARIADB ? "ix_invoices_total ON " + qualified(older.get(3), "invoices")
                    : qualified(older.get(3), "ix_invoices_total")));
        } finally {
            assertThat(drover("upgrade", "head", "--no-progress").exitCode()).isZero();
        }
        assertThat(drover("drift").exitCode()).isZero();
    }

    @Test
    @Order(3)
    void exactlyTheThreeTenantsAlteredByHandAreReportedWithExactlyTheirDifferences() throws Exception {
        String indexed = tenants.get(7);
        String retyped = tenants.get(23);
        String viewless = tenants.get(41);
        db.execute("CREATE INDEX ix_invoices_total ON " + qualified(indexed, "invoices") + " (total)");
        db.execute(changeTotalType(retyped));
        db.execute("DROP VIEW " + qualified(viewless, "big_invoices"));

        CliRun.Result drift = drover("--format", "json", "drift");
        assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(drift.out());
        List<String> found = new ArrayList<>();
        report.get("drifted").forEach(d -> found.add(d.get("key").asText() + ": " + messages(d)));
        assertThat(found).containsExactly("app/" + indexed + ": " + expectedDifferences().get(0),
                "app/" + retyped + ": " + expectedDifferences().get(1),
                "app/" + viewless + ": " + expectedDifferences().get(2));
        assertThat(report.get("drifted").get(0).get("comparedWith").asText()).isEqualTo("majority (47 of 50 targets)");
        assertThat(drover("check", "--drift").exitCode()).isEqualTo(1);
        assertThat(drover("check").exitCode()).as("without --drift the gate looks at revisions only").isZero();

        CliRun.Result sql = drover("drift", "--sql");
        assertThat(sql.out()).contains("-- target 'app/" + retyped + "'").contains("-- not mechanical: " + expectedDifferences().get(1));
        for (String mechanical : List.of(indexed, viewless)) {
            String script = section(sql.out(), "app/" + mechanical);
            assertThat(script).doesNotContain("not mechanical");
            runScript(script);
        }
        CliRun.Result after = drover("drift");
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(1);
        assertThat(after.out()).contains("DRIFT: 1 of 50 target(s)").contains("app/" + retyped + " at bbb002");

        CliRun.Result reference = drover("drift", "--reference", retyped);
        assertThat(reference.out()).contains("DRIFT: 49 of 50 target(s)").contains("reference 'app/" + retyped + "'");
        assertThat(drover("drift", "--reference", "no_such_tenant").exitCode()).isEqualTo(2);
        assertThat(drover("--format", "json", "drift", "--sql").exitCode()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void aFleetChangedEverywhereDiffersFromWhatItsRevisionProducedWhenFirstReached() throws Exception {
        for (String tenant : tenants) {
            db.execute("CREATE INDEX ix_everywhere ON " + qualified(tenant, "invoices") + " (total, id)");
        }
        try {
            CliRun.Result drift = drover("-t", "dt0*", "drift"); // ten tenants no earlier test left altered
            assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(1);
            assertThat(drift.out()).doesNotContain(" differs from the majority")
                    .contains("its targets at bbb002 agree with each other but differ from what that revision produced on 'app/"
                            + tenants.get(0) + "'")
                    .contains("  extra index " + (kind() == DatabaseKind.H2 ? "IX_EVERYWHERE" : "ix_everywhere"));
            assertThat(drover("-t", "dt0*", "check", "--drift").exitCode()).isEqualTo(1);
        } finally {
            for (String tenant : tenants) {
                db.execute("DROP INDEX " + (kind() == DatabaseKind.MARIADB ? "ix_everywhere ON " + qualified(tenant, "invoices")
                        : qualified(tenant, "ix_everywhere")));
            }
        }
    }

    private static String messages(JsonNode drifted) {
        List<String> messages = new ArrayList<>();
        drifted.get("differences").forEach(d -> messages.add(d.get("message").asText()));
        return String.join("; ", messages);
    }

    /** The repair script of one target from {@code drift --sql}'s output (up to the blank line that ends it). */
    private static String section(String out, String key) {
        int start = out.indexOf("-- target '" + key + "'");
        assertThat(start).as("a repair script for " + key).isNotNegative();
        int end = out.indexOf("\n\n", start);
        return out.substring(start, end < 0 ? out.length() : end);
    }

    /** Runs a repair script's statements (one per line, comments skipped) as a user would paste them. */
    private void runScript(String script) throws Exception {
        List<String> statements = script.lines().filter(l -> !l.startsWith("--") && !l.isBlank())
                .map(l -> l.endsWith(";") ? l.substring(0, l.length() - 1) : l).collect(Collectors.toList());
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            for (String each : statements) {
                statement.execute(each);
            }
        }
    }

    private CliRun.Result drover(String... args) {
        List<String> all = new ArrayList<>(List.of("-c", "drover.ini"));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    private static String script(String id, String down, String upgrade, String downgrade) {
        return "-- revision: " + id + "\n-- down_revision: " + down + "\n-- message: " + id + "\n\n-- drover:upgrade\n"
                + upgrade + "\n\n-- drover:downgrade\n" + downgrade + "\n";
    }
}
