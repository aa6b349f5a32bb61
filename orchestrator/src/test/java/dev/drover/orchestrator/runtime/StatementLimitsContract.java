package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.lock.Blocker;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import dev.drover.testing.TestSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lock timeouts, retries and statement timeouts on a real database, written once and subclassed per
 * dialect. An "application" session holds a row lock on a tenant's table in an open transaction; the
 * engine's ALTER TABLE on that table must give up after the lock timeout on every attempt, name the
 * blocker, leave the target resumable, and finish once the blocker is gone. Backoff pauses are recorded,
 * not slept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatementLimitsContract {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    protected TestDatabase db;
    private SessionFactory sessions;
    protected MigrationEngine engine;
    protected final List<Duration> pauses = new CopyOnWriteArrayList<>();

    protected abstract DatabaseKind kind();

    /** SQL answering the session's statement timeout in milliseconds (0: none). */
    protected abstract String statementTimeoutQuery();

    @BeforeAll
    void open() {
        db = TestDatabases.open(kind());
        sessions = SessionFactory.pooled(1);
        engine = new MigrationEngine(sessions, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), () -> 0.5,
                pauses::add));
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

    protected MigrationTarget freshTarget(StatementLimits limits) {
        String tenant = kind() == DatabaseKind.MARIADB ? db.createDatabase("l" + TENANTS.incrementAndGet())
                : "live_" + TENANTS.incrementAndGet();
        return MigrationTarget.of("it/" + tenant, db.url()).withTenant(tenant).withCreateSchema(true)
                .withLockWait(Duration.ofSeconds(30)).withLimits(limits);
    }

    protected static FakeScripts busyTable(List<String> secondRevision) {
        return new FakeScripts()
                .add("r1", List.of(), List.of("CREATE TABLE busy (id INT PRIMARY KEY)", "INSERT INTO busy VALUES (1)"),
                        List.of("DROP TABLE busy"))
                .add("r2", List.of("r1"), secondRevision, List.of());
    }

    /** A session of "the application": an open transaction that updated a row of {@code busy}. */
    protected Connection holdRowLock(MigrationTarget target) throws SQLException {
        Connection blocker = db.connect();
        try (Statement s = blocker.createStatement()) {
            s.execute(TestSql.use(kind(), target.tenantSchema()));
            blocker.setAutoCommit(false);
            s.executeUpdate("UPDATE busy SET id = id");
        }
        return blocker;
    }

    protected static long sessionId(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBlockedAlterGivesUpAfterEachLockTimeoutNamesTheBlockerAndFinishesOnceItIsGone() throws Exception {
        pauses.clear();
        MigrationTarget target = freshTarget(StatementLimits.DEFAULT.withLockTimeout(Duration.ofSeconds(1))
                .withLockRetries(2));
        FakeScripts s = busyTable(List.of("CREATE TABLE before_alter (id INT)", "ALTER TABLE busy ADD COLUMN note VARCHAR(20)"));
        assertThat(engine.migrate(target, s, heads -> List.of(s.up("r1")), "run-1").status())
                .isEqualTo(TargetStatus.SUCCEEDED);

        TargetResult blocked;
        long elapsed;
        long blockerId;
        try (Connection blocker = holdRowLock(target)) {
            blockerId = sessionId(blocker, TestSql.sessionId(kind()));
            long start = System.nanoTime();
            blocked = engine.migrate(target, s, s::linearFrom, "run-2");
            elapsed = (System.nanoTime() - start) / 1_000_000;
            blocker.rollback();
        }

        assertThat(blocked.status()).as(String.valueOf(blocked)).isEqualTo(TargetStatus.FAILED);
        assertThat(blocked.to()).containsExactly("r1");
        StepError error = blocked.error();
        assertThat(error.kind()).isEqualTo(ErrorKind.LOCK_TIMEOUT);
        assertThat(error.attempts()).isEqualTo(3);
        assertThat(error.revision()).isEqualTo("r2");
        assertThat(error.statement()).isEqualTo(2);
        assertThat(error.blockers()).extracting(Blocker::pid).contains(blockerId);
        assertThat(error.message()).contains("pid " + blockerId).contains("on any of 3 attempts");
        assertThat(pauses).hasSize(2);
        // Three waits of one lock timeout each; the recorded pauses took no time.
        assertThat(elapsed).isBetween(2_700L, 20_000L);

        TargetResult rerun = engine.migrate(target, s, s::linearFrom, "run-3");
        assertThat(rerun.status()).as(String.valueOf(rerun)).isEqualTo(TargetStatus.SUCCEEDED);
        assertThat(rerun.to()).containsExactly("r2");
        assertThat(columns(target, "busy")).contains("note");
    }

    @Test
    void aStatementOverTheStatementTimeoutIsReportedAsSuch() throws Exception {
        MigrationTarget target = freshTarget(StatementLimits.DEFAULT.withStatementTimeout(Duration.ofMillis(500)));
        FakeScripts s = busyTable(List.of(TestSql.sleep(kind(), 5)));

        TargetResult result = engine.migrate(target, s, s::linearFrom, "run-1");

        assertThat(result.status()).isEqualTo(TargetStatus.FAILED);
        assertThat(result.error().kind()).as(String.valueOf(result.error())).isEqualTo(ErrorKind.STATEMENT_TIMEOUT);
        assertThat(result.error().message()).contains("statement_timeout 0.5s");
        assertThat(result.to()).containsExactly("r1");
    }

    @Test
    void aRevisionsOwnStatementTimeoutOverridesTheTargets() throws Exception {
        MigrationTarget target = freshTarget(StatementLimits.DEFAULT.withStatementTimeout(Duration.ofMillis(300)));
        FakeScripts s = busyTable(List.of(TestSql.sleep(kind(), 1)));

        TargetResult result = engine.migrate(target, new TimeoutScripts(s, "r2", Duration.ofSeconds(10)), s::linearFrom,
                "run-1");

        assertThat(result.status()).as(String.valueOf(result)).isEqualTo(TargetStatus.SUCCEEDED);
    }

    @Test
    void aPooledConnectionCarriesNoLimitToItsNextBorrower() throws Exception {
        MigrationTarget target = freshTarget(new StatementLimits(Duration.ofMillis(700), 0, Duration.ofMillis(900)));
        FakeScripts s = busyTable(List.of("CREATE TABLE other (id INT)"));
        assertThat(engine.migrate(target, s, s::linearFrom, "run-1").status()).isEqualTo(TargetStatus.SUCCEEDED);

        // The pool holds one work connection: the next borrower (a bulk read) gets the same one.
        long timeout;
        try (dev.drover.orchestrator.store.SqlSession session = sessions.open(target)) {
            for (String sql : target.dialect().resetTenant(target.jdbcUrl())) {
                session.execute(sql);
            }
            timeout = ((Number) session.query(statementTimeoutQuery()).get(0).get(0)).longValue();
        }
        assertThat(timeout).isZero();
    }

    private List<String> columns(MigrationTarget target, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getColumns(
                kind() == DatabaseKind.MARIADB ? target.tenantSchema() : null,
                kind() == DatabaseKind.MARIADB ? null : target.tenantSchema(), table, null)) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    /** Scripts where one revision carries its own statement_timeout header. */
    private record TimeoutScripts(FakeScripts scripts, String revision, Duration timeout) implements ScriptSource {
        @Override
        public dev.drover.orchestrator.graph.RevisionGraph graph() {
            return scripts.graph();
        }

        @Override
        public java.util.Optional<dev.drover.orchestrator.graph.Revision> revision(String id) {
            return scripts.revision(id);
        }

        @Override
        public List<dev.drover.orchestrator.script.Statement> statements(String id,
                dev.drover.orchestrator.graph.Direction direction, dev.drover.orchestrator.dialect.Dialect dialect) {
            return scripts.statements(id, direction, dialect);
        }

        @Override
        public String checksum(String id) {
            return scripts.checksum(id);
        }

        @Override
        public boolean transactional(String id) {
            return scripts.transactional(id);
        }

        @Override
        public String fileLabel(String id) {
            return scripts.fileLabel(id);
        }

        @Override
        public Duration statementTimeout(String id) {
            return id.equals(revision) ? timeout : null;
        }

        @Override
        public String render(String sql, Map<String, String> values, String fileLabel, int line) {
            return scripts.render(sql, values, fileLabel, line);
        }
    }
}
