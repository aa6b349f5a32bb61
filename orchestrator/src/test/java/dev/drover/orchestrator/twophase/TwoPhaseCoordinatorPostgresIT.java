package dev.drover.orchestrator.twophase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.runtime.FakeScripts;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.SessionFactory;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import dev.drover.testing.TestSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Two-phase groups over two PostgreSQL databases of one server; each test uses its own tenant schema. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoPhaseCoordinatorPostgresIT {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    private TestDatabase db;
    private String url0;
    private String url1;
    private SessionFactory sessions;

    @TempDir
    Path journalDir;

    @BeforeAll
    void open() {
        db = TestDatabases.open(DatabaseKind.POSTGRES);
        url0 = db.url();
        url1 = db.urlOf(db.createDatabase("tp2"));
        sessions = SessionFactory.pooled(4);
    }

    @AfterEach
    void rollBackLeftovers() throws SQLException {
        for (String url : List.of(url0, url1)) {
            for (String gid : prepared(url)) {
                TestSql.execute(url, "ROLLBACK PREPARED '" + gid + "'");
            }
        }
    }

    @AfterAll
    void close() {
        // Without a server the class is skipped in @BeforeAll and nothing was opened.
        if (sessions != null) {
            sessions.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static String tenant() {
        return "tp_" + TENANTS.incrementAndGet();
    }

    private TwoPhaseCoordinator coordinator() {
        return new TwoPhaseCoordinator(sessions, new TwoPhaseJournal(journalDir));
    }

    private TwoPhaseRecovery recovery() {
        return new TwoPhaseRecovery(sessions, new TwoPhaseJournal(journalDir));
    }

    private List<MigrationTarget> targets(String schema) {
        return TwoPhaseFixtures.group(url0, url1, schema, "SELECT 1").stream().map(Participant::target).toList();
    }

    @Test
    void bothParticipantsCommit() throws Exception {
        String schema = tenant();
        GroupResult result = coordinator().run("happy", schema,
                TwoPhaseFixtures.group(url0, url1, schema, "CREATE TABLE notes (id INT)"));

        assertThat(result.participants()).extracting(ParticipantResult::status)
                .containsExactly(ParticipantStatus.SUCCEEDED, ParticipantStatus.SUCCEEDED);
        assertThat(result.participants()).allSatisfy(p -> {
            assertThat(p.to()).containsExactly("a2");
            assertThat(p.gid()).startsWith("drover_happy_");
            assertThat(p.steps()).hasSize(2);
        });
        assertThat(result.inDoubt()).isFalse();
        assertThat(result.journalFile()).isNull();
        assertCommitted(schema);
        assertThat(prepared(url0)).isEmpty();
        assertThat(prepared(url1)).isEmpty();
        assertThat(journalFiles()).isEmpty();
    }

    @Test
    void aFailingSecondParticipantRollsBothBack() throws Exception {
        String schema = tenant();
        GroupResult result = coordinator().run("failing", schema,
                TwoPhaseFixtures.group(url0, url1, schema, "CREATE TABLE broken ("));

        assertThat(result.participants()).extracting(ParticipantResult::status)
                .containsExactly(ParticipantStatus.FAILED, ParticipantStatus.FAILED);
        assertThat(result.participants().get(0).error().message()).contains("rolled back", "'two/" + schema + "' failed");
        assertThat(result.participants().get(1).error().revision()).isEqualTo("a2");
        assertThat(result.participants().get(1).error().sqlState()).isEqualTo("42601");
        assertThat(result.failed()).isTrue();
        assertUntouched(schema);
        assertThat(prepared(url0)).isEmpty();
        assertThat(journalFiles()).isEmpty();
    }

    @Test
    void killedAfterPrepareRecoverRollsBothBack() throws Exception {
        String schema = tenant();
        assertThat(runChild(CrashPoints.AFTER_PREPARE, "crash-p", schema)).isEqualTo(137);
        assertThat(prepared(url0)).singleElement().asString().startsWith("drover_crash-p_0_");
        assertThat(prepared(url1)).singleElement().asString().startsWith("drover_crash-p_1_");

        RecoveryResult recovered = recovery().recover(targets(schema), false);

        assertThat(recovered.transactions()).extracting(RecoveredTransaction::action)
                .containsExactly(RecoveryAction.ROLLED_BACK, RecoveryAction.ROLLED_BACK);
        assertThat(recovered.unresolved()).isFalse();
        assertUntouched(schema);
        assertThat(prepared(url0)).isEmpty();
        assertThat(prepared(url1)).isEmpty();
        assertThat(journalFiles()).isEmpty();
    }

    @Test
    void killedAfterTheDecisionRecoverCommitsBothAndASecondRecoverIsANoOp() throws Exception {
        String schema = tenant();
        assertThat(runChild(CrashPoints.AFTER_DECISION, "crash-d", schema)).isEqualTo(137);
        assertThat(prepared(url0)).hasSize(1);
        assertThat(journalFiles()).hasSize(1);

        RecoveryResult first = recovery().recover(targets(schema), false);
        RecoveryResult second = recovery().recover(targets(schema), false);

        assertThat(first.transactions()).extracting(RecoveredTransaction::action)
                .containsExactly(RecoveryAction.COMMITTED, RecoveryAction.COMMITTED);
        assertThat(first.transactions()).extracting(RecoveredTransaction::targetKey)
                .containsExactly("one/" + schema, "two/" + schema);
        assertThat(second.transactions()).isEmpty();
        assertThat(second.unresolved()).isFalse();
        assertCommitted(schema);
        assertThat(journalFiles()).isEmpty();
    }

    @Test
    void killedAfterTheFirstCommitRecoverCommitsTheOther() throws Exception {
        String schema = tenant();
        assertThat(runChild(CrashPoints.AFTER_FIRST_COMMIT, "crash-c", schema)).isEqualTo(137);
        assertThat(prepared(url0)).isEmpty();
        assertThat(prepared(url1)).hasSize(1);

        RecoveryResult recovered = recovery().recover(targets(schema), false);

        assertThat(recovered.transactions()).extracting(RecoveredTransaction::action)
                .containsExactly(RecoveryAction.COMMITTED);
        assertCommitted(schema);
    }

    @Test
    void anOrphanIsReportedWithoutForceAndRolledBackWithIt() throws Exception {
        String gid = "drover_orphan_" + tenant();
        try (Connection c = DriverManager.getConnection(url1); Statement s = c.createStatement()) {
            s.execute("BEGIN");
            s.execute("CREATE TABLE orphan_" + gid.substring(gid.lastIndexOf('_') + 1) + " (id INT)");
            s.execute("PREPARE TRANSACTION '" + gid + "'");
        }

        RecoveryResult reported = recovery().recover(targets(tenant()), false);
        assertThat(reported.transactions()).singleElement().satisfies(t -> {
            assertThat(t.action()).isEqualTo(RecoveryAction.ORPHAN);
            assertThat(t.detail()).contains("--force");
            assertThat(t.database()).doesNotContain("user=").doesNotContain("password");
        });
        assertThat(reported.unresolved()).isTrue();
        assertThat(prepared(url1)).containsExactly(gid);

        RecoveryResult forced = recovery().recover(targets(tenant()), true);
        assertThat(forced.transactions()).extracting(RecoveredTransaction::action)
                .containsExactly(RecoveryAction.ROLLED_BACK);
        assertThat(prepared(url1)).isEmpty();
    }

    @Test
    void anH2ParticipantIsRefusedBeforeAnythingIsTouched() throws Exception {
        String schema = tenant();
        FakeScripts s = TwoPhaseFixtures.scripts("CREATE TABLE notes (id INT)");
        List<Participant> group = List.of(
                new Participant(TwoPhaseFixtures.target("pg/" + schema, url0, schema), s, s::linearFrom),
                new Participant(TwoPhaseFixtures.target("h2/" + schema, "jdbc:h2:mem:" + schema, schema), s,
                        s::linearFrom));

        assertThatThrownBy(() -> coordinator().run("h2", schema, group))
                .isInstanceOf(TwoPhaseRefusedException.class)
                .hasMessageContaining("'h2/" + schema + "'")
                .hasMessageContaining("PostgreSQL only");
        assertThat(TestSql.column(url0, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + schema + "'"))
                .containsExactly("0");
        assertThat(journalFiles()).isEmpty();
    }

    @Test
    void theLocalServerAllowsEnoughPreparedTransactions() throws Exception {
        assertThat(Integer.parseInt(TestSql.column(url0, "SHOW max_prepared_transactions").get(0))).isGreaterThanOrEqualTo(2);
    }

    private int runChild(String crashAt, String runId, String schema) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + CrashPoints.PROPERTY + "=" + crashAt, "-cp", System.getProperty("java.class.path"),
                TwoPhaseCrashMain.class.getName(), runId, journalDir.toString(), schema)
                .redirectErrorStream(true)
                .redirectOutput(journalDir.resolveSibling(journalDir.getFileName() + "-child.log").toFile());
        builder.environment().put("DROVER_TP_URL0", url0);
        builder.environment().put("DROVER_TP_URL1", url1);
        Process child = builder.start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("child JVM did not finish within 120 s (is max_prepared_transactions > 0?)");
        }
        return child.exitValue();
    }

    private void assertCommitted(String schema) throws SQLException {
        for (String url : List.of(url0, url1)) {
            assertThat(TestSql.column(url, "SELECT version_num FROM " + schema + ".drover_version")).containsExactly("a2");
            assertThat(TestSql.column(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                    + "' AND table_name IN ('items', 'notes')")).containsExactly("2");
        }
    }

    private void assertUntouched(String schema) throws SQLException {
        for (String url : List.of(url0, url1)) {
            assertThat(TestSql.column(url, "SELECT count(*) FROM " + schema + ".drover_version")).containsExactly("0");
            assertThat(TestSql.column(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                    + "' AND table_name IN ('items', 'notes', 'broken')")).containsExactly("0");
        }
    }

    private List<String> journalFiles() throws Exception {
        if (!Files.isDirectory(journalDir)) {
            return List.of();
        }
        try (var files = Files.list(journalDir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<String> prepared(String url) throws SQLException {
        return TestSql.column(url, "SELECT gid FROM pg_prepared_xacts WHERE gid LIKE 'drover\\_%' AND database = current_database()"
                + " ORDER BY gid");
    }


}
