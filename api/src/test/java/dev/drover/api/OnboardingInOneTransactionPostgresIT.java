package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.report.RunReport;
import dev.drover.testing.DatabaseKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Onboarding on PostgreSQL: a new schema, its version tables and every revision in ONE transaction. A revision
 * waits on an advisory lock the test holds ({@link #GATE}), so the test can look at the database from another
 * session while the onboarding's transaction is open. An event trigger logs every dropped schema, so "nothing is
 * left" is shown to need no DROP.
 */
class OnboardingInOneTransactionPostgresIT extends ApiDatabaseContract {

    private static final String R1 = "c1c1c1c1c1c1";
    private static final String R2 = "d2d2d2d2d2d2";
    /** The advisory lock key a revision waits on ({@code SELECT pg_advisory_xact_lock(GATE)}). */
    private static final long GATE = 4_207_311;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private Connection gate;

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @BeforeEach
    void logDroppedSchemas() throws SQLException {
        db().execute("CREATE TABLE IF NOT EXISTS public.dropped_schemas (name text NOT NULL)",
                "CREATE OR REPLACE FUNCTION public.log_dropped_schemas() RETURNS event_trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN INSERT INTO public.dropped_schemas SELECT object_name FROM"
                        + " pg_event_trigger_dropped_objects() WHERE object_type = 'schema'; END $$",
                "DROP EVENT TRIGGER IF EXISTS log_dropped_schemas",
                "CREATE EVENT TRIGGER log_dropped_schemas ON sql_drop EXECUTE FUNCTION public.log_dropped_schemas()");
    }

    @AfterEach
    void releaseGate() throws SQLException {
        pool.shutdownNow();
        if (gate != null) {
            gate.close();
        }
        db().execute("DROP EVENT TRIGGER IF EXISTS log_dropped_schemas");
    }

    @Test
    void noOtherSessionSeesTheSchemaBeforeTheCommit() throws Exception {
        String newco = tenant("newco");
        Path versions = versions("SELECT pg_advisory_xact_lock(" + GATE + ");\nCREATE TABLE invoices (id INT PRIMARY KEY);",
                true);
        try (Drover drover = drover(versions, "0")) {
            closeGate();
            CompletableFuture<Onboarding> onboarding = onboardAsync(drover, newco);
            awaitWaitingOnGate(1);

            assertThat(schemaExists(newco)).as("R1 has run, R2 waits: the schema is not visible yet").isFalse();
            openGate();
            Onboarding done = onboarding.get();

            assertThat(done.succeeded()).isTrue();
            assertThat(done.created()).isTrue();
            assertThat(done.oneTransaction()).isTrue();
            assertThat(done.rolledBack()).isFalse();
            assertThat(done.report().targets()).singleElement().satisfies(t -> assertThat(t.to()).containsExactly(R2));
            assertThat(schemaExists(newco)).isTrue();
            assertThat(query("SELECT note FROM \"" + newco + "\".accounts")).containsExactly(newco);
            assertThat(query("SELECT version_num FROM \"" + newco + "\".drover_version")).containsExactly(R2);
            assertThat(query("SELECT heads FROM public.drover_ledger WHERE version_schema = '" + newco + "'"))
                    .as("the fleet ledger's row committed with the version table").containsExactly(R2);
        }
    }

    @Test
    void aFailureHalfWayIsRolledBackWithTheSchemaWhichNoOtherSessionEverSaw() throws Exception {
        String broken = tenant("broken");
        Path versions = versions("SELECT pg_advisory_xact_lock(" + GATE + ");\nCREATE TABLE invoices (id INT PRIMARY KEY);\n"
                + "INSERT INTO no_such_table VALUES (1);", true);
        try (Drover drover = drover(versions, "0")) {
            closeGate();
            CompletableFuture<Onboarding> onboarding = onboardAsync(drover, broken);
            awaitWaitingOnGate(1);
            assertThat(schemaExists(broken)).isFalse();
            openGate();
            Onboarding done = onboarding.get();

            assertThat(done.succeeded()).isFalse();
            assertThat(done.oneTransaction()).isTrue();
            assertThat(done.rolledBack()).isTrue();
            assertThat(done.leftBehind()).isNull();
            assertThat(done.report().targets()).singleElement().satisfies(t -> {
                assertThat(t.status()).isEqualTo("failed");
                assertThat(t.error().revision()).isEqualTo(R2);
                assertThat(t.error().message()).contains("no_such_table").doesNotContain("unknown");
                assertThat(t.from()).isEmpty();
                assertThat(t.to()).isEmpty();
                assertThat(t.steps()).isEmpty();
            });
            assertThat(schemaExists(broken)).isFalse();
            assertThat(droppedSchemas()).as("the rollback alone undid it: no DROP SCHEMA ran").doesNotContain(broken);
            assertThat(query("SELECT count(*) FROM public.drover_ledger WHERE version_schema = '" + broken + "'"))
                    .containsExactly("0");
        }
    }

    @Test
    void twoConcurrentOnboardingsOfOneNameTakeTurnsWhileTheFirstTransactionIsOpen() throws Exception {
        String twin = tenant("twin");
        Path versions = versions("SELECT pg_advisory_xact_lock(" + GATE + ");\nCREATE TABLE invoices (id INT PRIMARY KEY);",
                true);
        try (Drover drover = drover(versions, "0")) {
            closeGate();
            CompletableFuture<Onboarding> first = onboardAsync(drover, twin);
            awaitWaitingOnGate(1);
            CompletableFuture<Onboarding> second = onboardAsync(drover, twin);
            Thread.sleep(1_000); // the second waits for the onboarding lock the first holds
            assertThat(second).isNotDone();
            assertThat(waitingOnGate()).as("the second never reached the revisions").isEqualTo(1);
            assertThat(schemaExists(twin)).isFalse();
            openGate();

            Onboarding a = first.get();
            Onboarding b = second.get();
            assertThat(a.succeeded()).isTrue();
            assertThat(a.created()).isTrue();
            assertThat(a.oneTransaction()).isTrue();
            assertThat(b.succeeded()).isTrue();
            assertThat(b.created()).as("the second found the tenant at head").isFalse();
            assertThat(b.oneTransaction()).isFalse();
            assertThat(b.report().summary().unchanged()).isEqualTo(1);
            assertThat(query("SELECT count(*) FROM \"" + twin + "\".drover_history WHERE status = 'done'"))
                    .containsExactly("2");
        }
    }

    @Test
    void aLockTimeoutRetryRunsTheSetupAgainInTheNextTransaction() throws Exception {
        String retried = tenant("retried");
        Path versions = versions("SELECT pg_advisory_xact_lock(" + GATE + ");\nCREATE TABLE invoices (id INT PRIMARY KEY);",
                true);
        try (Drover drover = drover(versions, "0.5")) {
            closeGate();
            CompletableFuture<Onboarding> onboarding = onboardAsync(drover, retried);
            awaitWaitingOnGate(1);
            Thread.sleep(1_500); // at least one 0.5 s lock timeout: BEGIN, setup, R1, R2 again
            assertThat(schemaExists(retried)).isFalse();
            openGate();
            Onboarding done = onboarding.get();

            assertThat(done.succeeded()).as(done.report().toJson()).isTrue();
            assertThat(done.oneTransaction()).isTrue();
            assertThat(done.report().targets().get(0).steps()).extracting(RunReport.Step::revision)
                    .containsExactly(R1, R2);
            assertThat(done.report().targets().get(0).steps().stream().mapToInt(RunReport.Step::lockRetries).sum())
                    .as(done.report().toJson()).isPositive();
            assertThat(query("SELECT note FROM \"" + retried + "\".accounts")).containsExactly(retried);
            assertThat(query("SELECT count(*) FROM \"" + retried + "\".drover_history")).containsExactly("2");
        }
    }

    @Test
    void aNonTransactionalRevisionFallsBackToCreateMigrateAndDrop() throws Exception {
        String fallback = tenant("fallback");
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);",
                false);
        try (Drover drover = drover(versions, "0")) {
            Onboarding done = drover.onboard("app", fallback);

            assertThat(done.succeeded()).isFalse();
            assertThat(done.created()).isTrue();
            assertThat(done.oneTransaction()).isFalse();
            assertThat(done.rolledBack()).isTrue();
            assertThat(done.report().targets().get(0).to()).as("R1 committed before the non-transactional R2")
                    .containsExactly(R1);
            assertThat(schemaExists(fallback)).isFalse();
            assertThat(droppedSchemas()).as("undone by DROP SCHEMA").contains(fallback);
        }
    }

    @Test
    void aNonTransactionalRevisionThatSucceedsStillOnboards() throws Exception {
        String plain = tenant("plain");
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);", false);
        try (Drover drover = drover(versions, "0")) {
            Onboarding done = drover.onboard("app", plain);

            assertThat(done.succeeded()).isTrue();
            assertThat(done.created()).isTrue();
            assertThat(done.oneTransaction()).isFalse();
            assertThat(query("SELECT version_num FROM \"" + plain + "\".drover_version")).containsExactly(R2);
        }
    }

    private Drover drover(Path versions, String lockTimeout) {
        return Drover.configure()
                .section(Section.named("app").url(db().url()).tenants(List.of()).createSchema(true)
                        .set("lock_timeout", lockTimeout).set("lock_retries", "10").versionLocations(versions))
                .load();
    }

    private CompletableFuture<Onboarding> onboardAsync(Drover drover, String tenant) {
        return CompletableFuture.supplyAsync(() -> drover.onboard("app", tenant), pool);
    }

    /** R1 creates {@code accounts} noting the tenant; R2 runs {@code secondUpgrade}, in a transaction or not. */
    private Path versions(String secondUpgrade, boolean transactional) throws Exception {
        Path versions = Files.createDirectories(dir.resolve("versions"));
        Files.writeString(versions.resolve(R1 + "_accounts.sql"), "-- revision: " + R1 + "\n-- down_revision:\n"
                + "-- message: accounts\n\n-- drover:upgrade\nCREATE TABLE accounts (id INT PRIMARY KEY, note VARCHAR(60));\n"
                + "INSERT INTO accounts VALUES (1, '${tenant}');\n\n-- drover:downgrade\nDROP TABLE accounts;\n");
        Files.writeString(versions.resolve(R2 + "_second.sql"), "-- revision: " + R2 + "\n-- down_revision: " + R1
                + "\n-- message: second\n" + (transactional ? "" : "-- transactional: false\n")
                + "\n-- drover:upgrade\n" + secondUpgrade + "\n\n-- drover:downgrade\nDROP TABLE invoices;\n");
        return versions;
    }

    private void closeGate() throws SQLException {
        gate = db().connect();
        try (Statement s = gate.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + GATE + ")");
        }
    }

    private void openGate() throws SQLException {
        try (Statement s = gate.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + GATE + ")");
        }
    }

    private void awaitWaitingOnGate(int sessions) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (waitingOnGate() < sessions) {
            assertThat(System.nanoTime()).as("a revision waiting on the gate").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private int waitingOnGate() throws SQLException {
        return Integer.parseInt(query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND objid = " + GATE + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                .get(0));
    }

    private List<String> droppedSchemas() throws SQLException {
        return query("SELECT name FROM public.dropped_schemas");
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
