package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet ledger answers for a target only while it provably agrees with the target's own tables:
 * anything else that changes them (by hand, by another tool, by dropping or restoring them) makes
 * the reads fall back to the tables, and what the triggers cannot see, {@code check --deep} reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetLedgerPostgresIT {

    private static final AtomicInteger FLEETS = new AtomicInteger();

    private TestDatabase db;
    private MigrationRuntime runtime;
    private ScriptSource scripts;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        db = TestDatabases.open(DatabaseKind.POSTGRES);
        runtime = new MigrationRuntime(4);
        Path folder = Files.createDirectories(dir.resolve("versions"));
        write(folder, "r1", "", "CREATE TABLE items (id INT PRIMARY KEY);", "DROP TABLE items;");
        write(folder, "r2", "r1", "ALTER TABLE items ADD COLUMN name TEXT;", "ALTER TABLE items DROP COLUMN name;");
        write(folder, "r3", "r2", "CREATE INDEX items_name_idx ON items (name);", "DROP INDEX items_name_idx;");
        scripts = ScriptSource.of(ScriptDirectory.load(List.of(folder)));
        db.execute("CREATE SCHEMA fleet");
    }

    @AfterAll
    void close() {
        if (runtime != null) {
            runtime.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static void write(Path folder, String id, String parent, String up, String down) throws Exception {
        Files.writeString(folder.resolve(id + "_rev.sql"), "-- revision: " + id + "\n-- down_revision: " + parent
                + "\n-- message: " + id + "\n\n-- drover:upgrade\n" + up + "\n\n-- drover:downgrade\n" + down + "\n");
    }

    /** A fresh fleet of {@code n} tenant schemas whose ledger lives in schema {@code fleet}. */
    private List<FleetTarget> fleet(int n) {
        String prefix = "l" + FLEETS.incrementAndGet();
        List<FleetTarget> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String schema = prefix + "_t" + i;
            MigrationTarget target = MigrationTarget.of("it/" + schema, db.url()).withTenant(schema)
                    .withCreateSchema(true).withLedger("fleet");
            targets.add(FleetTarget.of(target, scripts, "it", schema));
        }
        return targets;
    }

    private FleetResult run(List<FleetTarget> targets, FleetOperation operation) {
        return FleetRunner.on(runtime).run(operation, targets, RolloutPolicy.defaults().withConcurrency(4)
                .withDefaultServerLimit(4), RunOptions.withNewRunId(), FleetListener.NONE, new Cancellation());
    }

    private Map<String, TargetState> ledger(List<FleetTarget> targets) throws Exception {
        return MigrationRuntime.await(new RuntimeStateReader(runtime).readLedgers(targets));
    }

    private Map<String, TargetState> read(List<FleetTarget> targets) throws Exception {
        return MigrationRuntime.await(new RuntimeStateReader(runtime).read(targets));
    }

    private static String schema(FleetTarget target) {
        return target.target().tenantSchema();
    }

    @Test
    void aMigratedFleetIsReadFromTheLedgerAndAgreesWithItsTables() throws Exception {
        List<FleetTarget> targets = fleet(3);
        assertThat(run(targets, FleetOperation.upgrade("head")).exitCode()).isZero();

        Map<String, TargetState> fromLedger = ledger(targets);

        assertThat(fromLedger).hasSize(3);
        for (FleetTarget target : targets) {
            assertThat(fromLedger.get(target.key()).heads()).containsExactly("r3");
            assertThat(fromLedger.get(target.key()).history()).extracting(r -> r.revision() + ":" + r.status())
                    .containsExactly("r1:done", "r2:done", "r3:done");
        }
        assertThat(FleetInspector.deep(runtime, targets).ledgerDisagreements()).isEmpty();
    }

    @Test
    void aHistoryWithDowngradesReducesInSqlExactlyAsInJava() throws Exception {
        List<FleetTarget> targets = fleet(1);
        run(targets, FleetOperation.upgrade("head"));
        run(targets, FleetOperation.downgrade("r1"));
        run(targets, FleetOperation.upgrade("r2"));

        TargetState row = ledger(targets).get(targets.get(0).key());

        assertThat(row.heads()).containsExactly("r2");
        // r1, r2, r3 up, r3 and r2 down, r2 up: the latest done row of each revision is what the checks use
        assertThat(row.history()).extracting(r -> r.revision() + ":" + r.direction())
                .containsExactly("r1:upgrade", "r3:downgrade", "r2:upgrade");
        assertThat(FleetInspector.deep(runtime, targets).ledgerDisagreements()).isEmpty();
    }

    @Test
    void anyChangeToTheTablesOutsideDroverRetiresTheRowAndTheReadFallsBackToTheTables() throws Exception {
        List<FleetTarget> targets = fleet(4);
        run(targets, FleetOperation.upgrade("head"));

        db.execute("UPDATE " + schema(targets.get(0)) + ".drover_version SET version_num = 'r1'");
        db.execute("INSERT INTO " + schema(targets.get(1)) + ".drover_history VALUES ('r9', 'upgrade', NULL, 'started',"
                + " 0, 'hand', now(), NULL)");
        db.execute("TRUNCATE " + schema(targets.get(2)) + ".drover_version");

        assertThat(ledger(targets)).containsOnlyKeys(targets.get(3).key());
        Map<String, TargetState> states = read(targets);
        assertThat(states.get(targets.get(0).key()).heads()).containsExactly("r1");
        assertThat(states.get(targets.get(1).key()).history()).extracting(r -> r.revision()).contains("r9");
        assertThat(states.get(targets.get(2).key()).heads()).isEmpty();
    }

    @Test
    void aRowIsNotBelievedWhenItsTableWasReplacedOrItsTriggerDisabled() throws Exception {
        List<FleetTarget> targets = fleet(2);
        run(targets, FleetOperation.upgrade("head"));
        String replaced = schema(targets.get(0));
        // a table restored from a backup taken before the ledger: same rows, new OID, no trigger
        db.execute("ALTER TABLE " + replaced + ".drover_version RENAME TO old_version",
                "CREATE TABLE " + replaced + ".drover_version (version_num VARCHAR(32) PRIMARY KEY)",
                "INSERT INTO " + replaced + ".drover_version VALUES ('r2')");
        db.execute("ALTER TABLE " + schema(targets.get(1)) + ".drover_history DISABLE TRIGGER drover_ledger_stale");

        assertThat(ledger(targets)).isEmpty();
        assertThat(read(targets).get(targets.get(0).key()).heads()).containsExactly("r2");
    }

    @Test
    void whatTheTriggersCannotSeeCheckDeepReports() throws Exception {
        List<FleetTarget> targets = fleet(2);
        run(targets, FleetOperation.upgrade("head"));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // as logical replication applies changes
            s.execute("UPDATE " + schema(targets.get(0)) + ".drover_version SET version_num = 'r2'");
        }

        assertThat(ledger(targets).get(targets.get(0).key()).heads()).containsExactly("r3");
        FleetInspector.DeepStatus deep = FleetInspector.deep(runtime, targets);
        assertThat(deep.status().targets().get(0).heads()).containsExactly("r2");
        assertThat(deep.ledgerDisagreements()).singleElement().asString()
                .contains("'" + targets.get(0).key() + "'", "says r3", "tables say r2");
    }

    @Test
    void aRunThatStopsHalfWayLeavesNoRowToBelieve() throws Exception {
        List<FleetTarget> targets = fleet(1);
        run(targets, FleetOperation.upgrade("r1"));
        db.execute("CREATE TABLE " + schema(targets.get(0)) + ".blocker (x INT)",
                "CREATE INDEX items_name_idx ON " + schema(targets.get(0)) + ".blocker (x)");

        FleetResult failed = run(targets, FleetOperation.upgrade("head"));

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(ledger(targets)).isEmpty();
        assertThat(read(targets).get(targets.get(0).key()).heads()).containsExactly("r2");
    }

    @Test
    void withoutAWritableLedgerSchemaTheFleetStillMigrates() throws Exception {
        List<FleetTarget> targets = new ArrayList<>();
        for (FleetTarget t : fleet(2)) {
            targets.add(FleetTarget.of(t.target().withLedger("no_such_schema"), scripts, "it", t.tenant()));
        }

        assertThat(run(targets, FleetOperation.upgrade("head")).exitCode()).isZero();

        assertThat(ledger(targets)).isEmpty();
        assertThat(read(targets).values()).allSatisfy(s -> assertThat(s.heads()).containsExactly("r3"));
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_trigger WHERE tgname = 'drover_ledger_stale'"
                     + " AND tgrelid = '" + targets.get(0).target().tenantSchema() + ".drover_version'::regclass")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
