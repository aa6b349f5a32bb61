package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.graph.VersionDelta;
import dev.drover.orchestrator.lock.HeldLock;
import dev.drover.orchestrator.lock.LockIdentity;
import dev.drover.orchestrator.lock.LockTimeoutException;
import dev.drover.orchestrator.lock.TargetLocks;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine's contract on a real database, written once and subclassed per dialect. Plans are
 * hand-built here (the graph is tested on its own); each test uses its own tenant schema (MariaDB:
 * database) so tests cannot see each other's tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MigrationEngineContract {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    protected TestDatabase db;
    private SessionFactory sessions;
    protected MigrationEngine engine;

    protected abstract DatabaseKind kind();

    @BeforeAll
    void open() {
        db = TestDatabases.open(kind());
        sessions = SessionFactory.pooled(4);
        engine = new MigrationEngine(sessions);
    }

    @AfterAll
    void close() {
        if (sessions != null) {
            sessions.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** A target in a fresh tenant schema (MariaDB: a fresh database, dropped with the test database). */
    protected MigrationTarget freshTarget() {
        String tenant = kind() == DatabaseKind.MARIADB ? db.createDatabase("t" + TENANTS.incrementAndGet())
                : "tenant_" + TENANTS.incrementAndGet();
        return MigrationTarget.of("it/" + tenant, db.url()).withTenant(tenant).withCreateSchema(true)
                .withPlaceholders(Map.of("tenant", tenant)).withLockWait(Duration.ofSeconds(30));
    }

    private boolean transactionalDdl() {
        return kind() == DatabaseKind.POSTGRES;
    }

    protected static FakeScripts fiveRevisions(String third) {
        return new FakeScripts()
                .add("r1", List.of(), List.of("CREATE TABLE t1 (id INT PRIMARY KEY)"), List.of("DROP TABLE t1"))
                .add("r2", List.of("r1"), List.of("CREATE TABLE t2 (id INT PRIMARY KEY, note VARCHAR(40) DEFAULT '${tenant}')"),
                        List.of("DROP TABLE t2"))
                .add("r3", List.of("r2"), List.of("CREATE TABLE t3 (id INT PRIMARY KEY)", third), List.of("DROP TABLE t3"))
                .add("r4", List.of("r3"), List.of("CREATE TABLE t4 (id INT PRIMARY KEY)"), List.of("DROP TABLE t4"))
                .add("r5", List.of("r4"), List.of("CREATE TABLE t5 (id INT PRIMARY KEY)"), List.of("DROP TABLE t5"));
    }

    @Test
    void upgradesThroughBranchesAndAMergeThenDowngradesToBase() throws Exception {
        MigrationTarget target = freshTarget();
        FakeScripts s = new FakeScripts()
                .add("a", List.of(), List.of("CREATE TABLE a (id INT)"), List.of("DROP TABLE a"))
                .add("b", List.of("a"), List.of("CREATE TABLE b (id INT)"), List.of("DROP TABLE b"))
                .add("c", List.of("a"), List.of("CREATE TABLE c (id INT)"), List.of("DROP TABLE c"))
                .add("m", List.of("b", "c"), List.of("CREATE TABLE m (id INT)"), List.of("DROP TABLE m"));

        TargetResult toBranches = engine.migrate(target, s, heads -> List.of(s.up("a"), s.up("b"), s.upInsert("c")), "run-1");
        assertThat(toBranches.status()).as(String.valueOf(toBranches)).isEqualTo(TargetStatus.SUCCEEDED);
        assertThat(toBranches.from()).isEmpty();
        assertThat(toBranches.to()).containsExactly("b", "c");
        assertThat(engine.current(target)).containsExactly("b", "c");

        TargetResult merged = engine.migrate(target, s, heads -> List.of(s.up("m")), "run-2");
        assertThat(merged.to()).containsExactly("m");
        assertThat(tables(target)).contains("a", "b", "c", "m");

        TargetResult down = engine.migrate(target, s,
                heads -> List.of(s.down("m"), s.downDelete("c"), s.down("b"), s.down("a")), "run-3");
        assertThat(down.status()).as(String.valueOf(down)).isEqualTo(TargetStatus.SUCCEEDED);
        assertThat(down.from()).containsExactly("m");
        assertThat(down.to()).isEmpty();
        assertThat(down.steps()).extracting(StepResult::revision).containsExactly("m", "c", "b", "a");
        assertThat(tables(target)).doesNotContain("a", "b", "c", "m").contains("drover_version", "drover_history");
        assertThat(historyCount(target, "done")).isEqualTo(8);
    }

    @Test
    void aTargetWithoutTenantSchemaOrVersionTableIsAtBase() throws Exception {
        MigrationTarget missing = MigrationTarget.of("it/missing", db.url()).withTenant("drover_missing_" + db.name());
        MigrationTarget empty = freshTarget();
        engine.stamp(empty, heads -> new VersionDelta(List.of(), List.of(), List.of()), "run-0");

        assertThat(engine.current(missing)).isEmpty();
        assertThat(engine.current(empty)).isEmpty();
        assertThat(tables(missing)).isEmpty();
    }

    @Test
    void reportsUnchangedWithoutRunningAnything() throws Exception {
        MigrationTarget target = freshTarget();
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");
        engine.migrate(target, s, s::linearFrom, "run-1");

        TargetResult again = engine.migrate(target, s, s::linearFrom, "run-2");

        assertThat(again.status()).isEqualTo(TargetStatus.UNCHANGED);
        assertThat(again.from()).containsExactly("r5").isEqualTo(again.to());
        assertThat(again.steps()).isEmpty();
    }

    @Test
    void aFailingStatementInRevision3Of5StopsAtRevision2() throws Exception {
        MigrationTarget target = freshTarget();
        FakeScripts s = fiveRevisions("INSERT INTO no_such_table VALUES (1)");

        TargetResult result = engine.migrate(target, s, s::linearFrom, "run-1");

        assertThat(result.status()).isEqualTo(TargetStatus.FAILED);
        assertThat(result.to()).containsExactly("r2");
        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r1", "r2");
        assertThat(result.error().revision()).isEqualTo("r3");
        assertThat(result.error().statement()).isEqualTo(2);
        assertThat(result.error().line()).isEqualTo(12);
        assertThat(result.error().sqlState()).isNotBlank();
        assertThat(result.error().message()).containsIgnoringCase("no_such_table");
        assertThat(engine.current(target)).containsExactly("r2");
        if (transactionalDdl()) {
            assertThat(tables(target)).contains("t1", "t2").doesNotContain("t3");
            TargetResult rerun = engine.migrate(target, fiveRevisions("CREATE TABLE t3b (id INT)"), s::linearFrom, "run-2");
            assertThat(rerun.status()).isEqualTo(TargetStatus.SUCCEEDED);
            assertThat(rerun.to()).containsExactly("r5");
        } else {
            assertThat(tables(target)).contains("t1", "t2", "t3");
            FakeScripts fixed = fiveRevisions("CREATE TABLE t3b (id INT)");
            TargetResult refused = engine.migrate(target, fixed, fixed::linearFrom, "run-2");
            assertThat(refused.status()).isEqualTo(TargetStatus.FAILED);
            assertThat(refused.steps()).isEmpty();
            assertThat(refused.error().revision()).isEqualTo("r3");
            assertThat(refused.error().message())
                    .contains("'r3'", "1 of 2 statements committed", "'drover -n it -t " + target.tenantSchema() + " stamp r3 --purge'",
                            "'drover -n it -t " + target.tenantSchema() + " stamp r2 --purge'");

            // The documented repair: finish statement 2 by hand, then stamp.
            db.execute(qualified(target, "CREATE TABLE %s (id INT)", "t3b"));
            TargetResult stamped = engine.stamp(target, heads -> new VersionDelta(List.of(),
                    List.of(new VersionDelta.RowUpdate("r2", "r3")), List.of()), "run-3");
            assertThat(stamped.to()).containsExactly("r3");
            TargetResult resumed = engine.migrate(target, fixed, fixed::linearFrom, "run-4");
            assertThat(resumed.status()).isEqualTo(TargetStatus.SUCCEEDED);
            assertThat(resumed.steps()).extracting(StepResult::revision).containsExactly("r4", "r5");
        }
    }

    @Test
    void aCommitWhoseAnswerIsLostIsReadBackFromTheVersionTableAndNeverRerun() throws Exception {
        MigrationTarget target = freshTarget();
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");
        MigrationEngine losing = new MigrationEngine(new LosingSessions(sessions, 3, true, false));

        TargetResult result = losing.migrate(target, s, s::linearFrom, "run-1");

        assertThat(result.status()).isEqualTo(TargetStatus.FAILED);
        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r1", "r2", "r3");
        assertThat(result.to()).containsExactly("r3");
        assertThat(result.error().revision()).isEqualTo("r4");
        assertThat(result.error().sqlState()).isEqualTo("08006");
        assertThat(result.error().message()).contains("lost after revision 'r3' committed", "revision 'r4' and any later did not run");
        TargetResult rerun = engine.migrate(target, s, s::linearFrom, "run-2");
        assertThat(rerun.steps()).extracting(StepResult::revision).containsExactly("r4", "r5");
        assertThat(historyCount(target, "done")).isEqualTo(5);
    }

    @Test
    void aLostAnswerToTheLastCommitIsASuccess() throws Exception {
        MigrationTarget target = freshTarget();
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");

        TargetResult result = new MigrationEngine(new LosingSessions(sessions, 5, true, false))
                .migrate(target, s, s::linearFrom, "run-1");

        assertThat(result.status()).as(String.valueOf(result)).isEqualTo(TargetStatus.SUCCEEDED);
        assertThat(result.error()).isNull();
        assertThat(result.steps()).hasSize(5);
        assertThat(result.to()).containsExactly("r5");
        assertThat(engine.migrate(target, s, s::linearFrom, "run-2").status()).isEqualTo(TargetStatus.UNCHANGED);
    }

    @Test
    void aCommitLostBeforeItLandedIsReportedOnItsRevision() throws Exception {
        MigrationTarget target = freshTarget();
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");

        TargetResult result = new MigrationEngine(new LosingSessions(sessions, 3, false, false))
                .migrate(target, s, s::linearFrom, "run-1");

        assertThat(result.status()).isEqualTo(TargetStatus.FAILED);
        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r1", "r2");
        assertThat(result.to()).containsExactly("r2");
        assertThat(result.error().revision()).isEqualTo("r3");
        assertThat(result.error().sqlState()).isEqualTo("08006");
        TargetResult rerun = engine.migrate(target, s, s::linearFrom, "run-2");
        if (transactionalDdl()) {
            assertThat(rerun.steps()).extracting(StepResult::revision).containsExactly("r3", "r4", "r5");
        } else {
            // Its statements committed one by one before the lost COMMIT: half-applied, refused until repaired.
            assertThat(rerun.status()).isEqualTo(TargetStatus.FAILED);
            assertThat(rerun.error().message()).contains("'r3'", "2 of 2 statements committed");
        }
    }

    @Test
    void aLostCommitThatCannotBeReadBackIsReportedUnknown() throws Exception {
        MigrationTarget target = freshTarget();
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");

        TargetResult result = new MigrationEngine(new LosingSessions(sessions, 3, true, true))
                .migrate(target, s, s::linearFrom, "run-1");

        assertThat(result.status()).isEqualTo(TargetStatus.FAILED);
        assertThat(result.error().revision()).isEqualTo("r3");
        if (target.dialect().asynchronousCommit().isEmpty()) {
            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r1", "r2");
            assertThat(result.error().message()).contains("whether revision 'r3' committed is unknown");
        } else {
            // r1 and r2 committed without waiting for the disk and nothing could make them durable since:
            // they are not reported committed either.
            assertThat(result.steps()).isEmpty();
            assertThat(result.error().message()).contains("whether revision 'r1', 'r2', 'r3' committed is unknown");
        }
        assertThat(result.error().message()).contains("Connection refused",
                "run 'drover current' for target '" + target.key() + "'");
        assertThat(engine.current(target)).containsExactly("r3");
    }

    @Test
    void oneTransactionPerRunRollsTheWholeRunBackWhereDdlIsTransactional() throws Exception {
        MigrationTarget target = freshTarget().withTransactionPerMigration(false);
        FakeScripts s = fiveRevisions("INSERT INTO no_such_table VALUES (1)");

        TargetResult result = engine.migrate(target, s, s::linearFrom, "run-1");

        assertThat(result.status()).isEqualTo(TargetStatus.FAILED);
        assertThat(result.error().revision()).isEqualTo("r3");
        if (transactionalDdl()) {
            assertThat(result.to()).isEmpty();
            assertThat(result.steps()).isEmpty();
            assertThat(tables(target)).doesNotContain("t1", "t2", "t3");
        } else {
            // Without transactional DDL the option cannot help: revisions commit one by one with markers.
            assertThat(result.to()).containsExactly("r2");
        }
    }

    @Test
    void aSetupInTheRunTransactionIsRolledBackWithTheRevisionsWhereDdlIsTransactional() throws Exception {
        MigrationTarget target = freshTarget().withTransactionPerMigration(false).withSetupInRunTransaction(true);
        FakeScripts s = fiveRevisions("INSERT INTO no_such_table VALUES (1)");

        TargetResult result = engine.migrate(target, s, s::linearFrom, "run-1");

        assertThat(result.status()).isEqualTo(TargetStatus.FAILED);
        assertThat(result.error().revision()).isEqualTo("r3");
        assertThat(result.error().message()).containsIgnoringCase("no_such_table").doesNotContain("unknown");
        if (transactionalDdl()) {
            assertThat(result.to()).isEmpty();
            assertThat(result.steps()).isEmpty();
            assertThat(schemaExists(target)).as("CREATE SCHEMA was rolled back with the revisions").isFalse();
            TargetResult fixed = engine.migrate(target, fiveRevisions("CREATE TABLE t3b (id INT)"), s::linearFrom, "run-2");
            assertThat(fixed.status()).isEqualTo(TargetStatus.SUCCEEDED);
            assertThat(fixed.to()).containsExactly("r5");
            assertThat(historyCount(target, "done")).isEqualTo(5);
        } else {
            // Ignored where DDL commits at once: the setup and r1, r2 have committed, as in any run.
            assertThat(result.to()).containsExactly("r2");
            assertThat(schemaExists(target)).isTrue();
        }
    }

    @Test
    void aLostAnswerToTheOneCommitOfASetupInTheRunTransactionIsReadBack() throws Exception {
        if (!transactionalDdl()) {
            return; // the setting is ignored: revisions commit one by one, as the tests above show
        }
        MigrationTarget landed = freshTarget().withTransactionPerMigration(false).withSetupInRunTransaction(true);
        MigrationTarget lost = freshTarget().withTransactionPerMigration(false).withSetupInRunTransaction(true);
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");

        TargetResult committed = new MigrationEngine(new LosingSessions(sessions, 1, true, false))
                .migrate(landed, s, s::linearFrom, "run-1");
        TargetResult rolledBack = new MigrationEngine(new LosingSessions(sessions, 1, false, false))
                .migrate(lost, s, s::linearFrom, "run-1");

        assertThat(committed.status()).as(String.valueOf(committed)).isEqualTo(TargetStatus.SUCCEEDED);
        assertThat(committed.to()).containsExactly("r5");
        assertThat(rolledBack.status()).isEqualTo(TargetStatus.FAILED);
        assertThat(rolledBack.error().sqlState()).isEqualTo("08006");
        // the version table went with the schema: nothing can say whether the COMMIT landed
        assertThat(rolledBack.error().message()).contains("is unknown", "run 'drover current'");
        assertThat(schemaExists(lost)).isFalse();
    }

    @Test
    void aSetupInTheRunTransactionRefusesANonTransactionalRevisionBeforeAnythingChanged() throws Exception {
        MigrationTarget target = freshTarget().withTransactionPerMigration(false).withSetupInRunTransaction(true);
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)")
                .add("r6", List.of("r5"), List.of("CREATE TABLE t6 (id INT)"), List.of("DROP TABLE t6"), false);

        TargetResult result = engine.migrate(target, s, s::linearFrom, "run-1");

        if (transactionalDdl()) {
            assertThat(result.status()).isEqualTo(TargetStatus.FAILED);
            assertThat(result.steps()).isEmpty();
            assertThat(result.error().revision()).isEqualTo("r6");
            assertThat(result.error().message()).contains("'transactional: false'", "nothing was changed");
            assertThat(schemaExists(target)).isFalse();
        } else {
            assertThat(result.status()).isEqualTo(TargetStatus.SUCCEEDED);
            assertThat(result.to()).containsExactly("r6");
        }
    }

    @Test
    void anUndefinedPlaceholderFailsBeforeAnythingRuns() throws Exception {
        MigrationTarget target = freshTarget().withPlaceholders(Map.of());
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");

        TargetResult result = engine.migrate(target, s, s::linearFrom, "run-1");

        assertThat(result.status()).isEqualTo(TargetStatus.FAILED);
        assertThat(result.error().message()).contains("r2.sql:11", "${tenant}");
        assertThat(tables(target)).doesNotContain("t1");
        assertThat(result.to()).isEmpty();
    }

    @Test
    void anAppliedScriptThatChangedStopsTheRun() throws Exception {
        MigrationTarget target = freshTarget();
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");
        engine.migrate(target, s, heads -> s.linearFrom(heads).subList(0, 2), "run-1");

        s.edit("r1", List.of("CREATE TABLE t1 (id BIGINT PRIMARY KEY)"));
        TargetResult result = engine.migrate(target, s, s::linearFrom, "run-2");

        assertThat(result.status()).isEqualTo(TargetStatus.FAILED);
        assertThat(result.error().revision()).isEqualTo("r1");
        assertThat(result.error().message()).contains("'r1'", "r1.sql", "changed");
        assertThat(result.to()).containsExactly("r2");
    }

    @Test
    void takesOverAnAlembicVersionTable() throws Exception {
        MigrationTarget target = freshTarget().withTables("alembic_version", null, null);
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");
        if (kind() != DatabaseKind.MARIADB) {
            db.execute("CREATE SCHEMA \"" + target.tenantSchema() + "\"");
        }
        db.execute(qualified(target, "CREATE TABLE %s (version_num VARCHAR(32) NOT NULL, "
                        + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))", "alembic_version"),
                qualified(target, "INSERT INTO %s (version_num) VALUES ('r4')", "alembic_version"));

        assertThat(engine.current(target)).containsExactly("r4");
        TargetResult result = engine.migrate(target, s, s::linearFrom, "run-1");

        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r5");
        assertThat(result.to()).containsExactly("r5");
        assertThat(tables(target)).contains("alembic_version", "t5").doesNotContain("drover_version", "t1");
    }

    @Test
    void stampWithAndWithoutPurge() throws Exception {
        MigrationTarget target = freshTarget();
        TargetResult first = engine.stamp(target, heads -> new VersionDelta(List.of(), List.of(), List.of("x1", "y1")), "run-1");
        assertThat(first.to()).containsExactly("x1", "y1");
        assertThat(tables(target)).doesNotContain("t1");

        TargetResult purged = engine.stamp(target, heads -> new VersionDelta(heads, List.of(), List.of("z9")), "run-2");
        assertThat(purged.from()).containsExactly("x1", "y1");
        assertThat(purged.to()).containsExactly("z9");
    }

    @Test
    void twoConcurrentUpgradesApplyEachRevisionOnce() throws Exception {
        MigrationTarget target = freshTarget();
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<TargetResult> run = () -> engine.migrate(target, s, s::linearFrom, "run-" + Thread.currentThread().getId());
            List<Future<TargetResult>> futures = pool.invokeAll(List.of(run, run));
            List<TargetResult> results = new ArrayList<>();
            for (Future<TargetResult> f : futures) {
                results.add(f.get());
            }
            assertThat(results).extracting(TargetResult::status)
                    .containsExactlyInAnyOrder(TargetStatus.SUCCEEDED, TargetStatus.UNCHANGED);
        } finally {
            pool.shutdown();
        }
        assertThat(historyCount(target, "done")).isEqualTo(5);
        assertThat(engine.current(target)).containsExactly("r5");
    }

    @Test
    void aHeldLockMakesTheRunTimeOutNamingTheHolder() throws Exception {
        MigrationTarget target = freshTarget();
        TargetLocks locks = TargetLocks.forDialect(target.dialect());
        LockIdentity identity = new LockIdentity(target.key(), target.databaseAddress(), target.versionSchema(),
                target.versionTable());
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");
        try (SqlSession holderSession = sessions.openForLock(target);
                HeldLock held = locks.acquire(identity, holderSession, Duration.ofSeconds(5), "drover holder-run")) {
            MigrationTarget impatient = target.withLockWait(Duration.ofMillis(300));
            assertThatThrownBy(() -> engine.migrate(impatient, s, s::linearFrom, "run-2"))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("could not lock target '" + target.key() + "'")
                    .hasMessageContaining(expectedHolderText());
        }
        assertThat(engine.migrate(target, s, s::linearFrom, "run-3").status()).isEqualTo(TargetStatus.SUCCEEDED);
    }

    @Test
    void offlineSqlRunByTheRealClientGivesTheSameCatalogAsTheOnlineRun() throws Exception {
        MigrationTarget online = freshTarget();
        MigrationTarget offline = freshTarget();
        String index = transactionalDdl() ? "CREATE INDEX CONCURRENTLY i5 ON t5 (id, note)" : "CREATE INDEX i5 ON t5 (id, note)";
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT, label VARCHAR(20) DEFAULT 'it''s ${tenant}')")
                .add("r6", List.of("r5"), List.of("ALTER TABLE t5 ADD COLUMN note VARCHAR(10)", index), List.of(), false);

        TargetResult result = engine.migrate(online, s, s::linearFrom, "run-online");
        assertThat(result.status()).as(String.valueOf(result)).isEqualTo(TargetStatus.SUCCEEDED);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("drover-offline", ".sql");
        try {
            java.nio.file.Files.writeString(file, dev.drover.orchestrator.sql.OfflineSqlWriter.migration(
                    offline, s, s.linearFrom(List.of()), "run-offline", "upgrade base:r6"));
            runClient(file);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }

        assertThat(catalog(offline)).isNotEmpty().isEqualTo(catalog(online));
        assertThat(rows(offline, "SELECT version_num FROM %s", "drover_version")).containsExactly(List.of("r6"));
        String history = "SELECT revision, direction, status, statement_count FROM %s ORDER BY revision";
        assertThat(rows(offline, history, "drover_history")).hasSize(6).isEqualTo(rows(online, history, "drover_history"));
    }

    /** Runs a SQL file with the dialect's own command-line client against the test database. */
    protected abstract void runClient(java.nio.file.Path file) throws Exception;

    protected static void run(ProcessBuilder process) throws Exception {
        Process p = process.redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("client output: %s", output).isZero();
    }

    private List<List<String>> catalog(MigrationTarget target) throws SQLException {
        return rows(target, "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
                + "WHERE table_schema = '" + target.tenantSchema() + "' ORDER BY table_name, column_name", null);
    }

    private List<List<String>> rows(MigrationTarget target, String sqlFormat, String table) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        String sql = table == null ? sqlFormat : qualified(target, sqlFormat, table);
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** What the timeout message says about the holder on this dialect. */
    protected abstract String expectedHolderText();

    // --- catalog helpers (plain JDBC, independent of the code under test) ---

    protected String qualified(MigrationTarget target, String sqlFormat, String table) {
        String q = kind() == DatabaseKind.MARIADB ? "`" : "\"";
        return String.format(sqlFormat, q + target.tenantSchema() + q + "." + q + table + q);
    }

    protected List<String> tables(MigrationTarget target) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.getMetaData().getTables(kind() == DatabaseKind.MARIADB ? target.tenantSchema() : null,
                        kind() == DatabaseKind.MARIADB ? null : target.tenantSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    protected boolean schemaExists(MigrationTarget target) throws SQLException {
        return !rows(target, "SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + target.tenantSchema() + "'",
                null).isEmpty();
    }

    protected int historyCount(MigrationTarget target, String status) throws SQLException {
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery(qualified(target,
                        "SELECT COUNT(*) FROM %s WHERE status = '" + status + "'", "drover_history"))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static List<MigrationStep> none(List<String> heads) {
        return List.of();
    }
}
