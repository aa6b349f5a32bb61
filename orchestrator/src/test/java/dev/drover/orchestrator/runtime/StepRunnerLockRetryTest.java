package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.store.VersionStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lock timeouts in the step runner: what runs again, how often, after which pauses, and what is reported. */
class StepRunnerLockRetryTest {

    private static final SQLException PG_LOCK_TIMEOUT = new SQLException("canceling statement due to lock timeout", "55P03");
    private static final SQLException MARIADB_LOCK_TIMEOUT =
            new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);

    private final List<Duration> pauses = new ArrayList<>();
    /** Random 0.5: each pause is 3/4 of the capped exponential (100, 200, 400 ms ...). */
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5, pauses::add);
    private final FakeScripts scripts = new FakeScripts()
            .add("r1", List.of(), List.of("CREATE TABLE a (x int)"), List.of())
            .add("r2", List.of("r1"), List.of("CREATE TABLE b (x int)", "ALTER TABLE busy ADD COLUMN y int"), List.of())
            .add("r3", List.of("r2"), List.of("CREATE TABLE c (x int)"), List.of());
    private final MigrationTarget target = MigrationTarget.of("t", "jdbc:postgresql://h/db");

    private List<PreparedStep> plan() {
        return PlanPreparer.prepare(target, scripts, scripts.linearFrom(List.of()));
    }

    private StatementGuard guard(int retries) {
        return new StatementGuard(Dialects.POSTGRES, StatementLimits.DEFAULT.withLockRetries(retries), backoff,
                BlockerWatch.NONE);
    }

    private static StepRunner runner(RecordingSession session, VersionStore store, boolean transactional,
            boolean perRevision, StatementGuard guard) {
        return new StepRunner(session, store, transactional, perRevision, "run1").guarded(guard, RevisionGate.OPEN);
    }

    private final VersionStore pg = new VersionStore(Dialects.POSTGRES, null, "drover_version", "drover_history");

    @Test
    void aLockTimeoutRollsBackTheRevisionAndRunsItAgainAfterGrowingPauses() {
        RecordingSession session = new RecordingSession(null).failing("ALTER TABLE busy", 2, PG_LOCK_TIMEOUT);
        StepRunner runner = runner(session, pg, true, true, guard(3));

        assertThat(runner.run(plan())).isNull();

        assertThat(pauses).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
        assertThat(session.log).filteredOn(s -> s.equals("CREATE TABLE b (x int)")).hasSize(3);
        assertThat(session.log).filteredOn(s -> s.equals("CREATE TABLE a (x int)")).hasSize(1);
        int firstTimeout = session.log.indexOf("TIMEOUT ALTER TABLE busy ADD COLUMN y int");
        assertThat(session.log.get(firstTimeout + 1)).isEqualTo("ROLLBACK");
        assertThat(runner.committed()).extracting(StepResult::revision).containsExactly("r1", "r2", "r3");
        assertThat(runner.committed()).extracting(StepResult::lockRetries).containsExactly(0, 2, 0);
    }

    @Test
    void afterTheLastRetryTheTargetFailsWithALockTimeoutNamingItsAttempts() {
        RecordingSession session = new RecordingSession(null).failing("ALTER TABLE busy", 10, PG_LOCK_TIMEOUT);
        StepRunner runner = runner(session, pg, true, true, guard(2));

        StepError error = runner.run(plan());

        assertThat(error.kind()).isEqualTo(ErrorKind.LOCK_TIMEOUT);
        assertThat(error.attempts()).isEqualTo(3);
        assertThat(error.revision()).isEqualTo("r2");
        assertThat(error.statement()).isEqualTo(2);
        assertThat(error.sqlState()).isEqualTo("55P03");
        assertThat(error.message()).contains("within lock_timeout 5s on any of 3 attempts")
                .contains("transaction was rolled back").contains("raise 'lock_timeout' / 'lock_retries'");
        assertThat(pauses).hasSize(2);
        assertThat(runner.committed()).extracting(StepResult::revision).containsExactly("r1");
        assertThat(runner.unacknowledged()).isEmpty();
        assertThat(session.log).doesNotContain("CREATE TABLE c (x int)");
    }

    @Test
    void noRetriesMeansTheFirstLockTimeoutIsReported() {
        RecordingSession session = new RecordingSession(null).failing("ALTER TABLE busy", 1, PG_LOCK_TIMEOUT);

        StepError error = runner(session, pg, true, true, guard(0)).run(plan());

        assertThat(error.attempts()).isEqualTo(1);
        assertThat(error.message()).contains("on its only attempt");
        assertThat(pauses).isEmpty();
    }

    @Test
    void otherFailuresAreNeverRetried() {
        RecordingSession session = new RecordingSession("ALTER TABLE busy");

        StepError error = runner(session, pg, true, true, guard(3)).run(plan());

        assertThat(error.kind()).isNull();
        assertThat(error.sqlState()).isEqualTo("42P07");
        assertThat(pauses).isEmpty();
    }

    @Test
    void withOneTransactionPerRunEveryRevisionOfItRunsAgain() {
        RecordingSession session = new RecordingSession(null).failing("ALTER TABLE busy", 1, PG_LOCK_TIMEOUT);
        StepRunner runner = runner(session, pg, true, false, guard(3));

        assertThat(runner.run(plan())).isNull();

        assertThat(session.log).filteredOn(s -> s.equals("CREATE TABLE a (x int)")).hasSize(2);
        assertThat(session.log).filteredOn("COMMIT"::equals).hasSize(1);
        assertThat(runner.committed()).extracting(StepResult::revision).containsExactly("r1", "r2", "r3");
    }

    @Test
    void aJoinedTransactionIsNotBegunAgainButARetryBeginsWithTheJoinedStatements() throws SQLException {
        RecordingSession session = new RecordingSession(null).failing("ALTER TABLE busy", 1, PG_LOCK_TIMEOUT);
        StepRunner runner = runner(session, pg, true, false, guard(3)).joining(List.of("CREATE SCHEMA IF NOT EXISTS t"));
        session.begin();
        session.execute("CREATE SCHEMA IF NOT EXISTS t");

        assertThat(runner.run(plan())).isNull();

        assertThat(session.log).filteredOn("BEGIN"::equals).hasSize(2);
        assertThat(session.log).filteredOn("CREATE SCHEMA IF NOT EXISTS t"::equals).hasSize(2);
        int rollback = session.log.indexOf("ROLLBACK");
        assertThat(session.log.subList(rollback + 1, rollback + 4))
                .containsExactly("BEGIN", "CREATE SCHEMA IF NOT EXISTS t", "CREATE TABLE a (x int)");
        assertThat(session.log).filteredOn("COMMIT"::equals).hasSize(1);
        assertThat(runner.committed()).extracting(StepResult::revision).containsExactly("r1", "r2", "r3");
    }

    @Test
    void outsideATransactionOnlyTheStatementThatTimedOutRunsAgain() {
        RecordingSession session = new RecordingSession(null).failing("ALTER TABLE busy", 2, MARIADB_LOCK_TIMEOUT);
        VersionStore maria = new VersionStore(Dialects.MARIADB, null, "v", "h");
        StatementGuard guard = new StatementGuard(Dialects.MARIADB, StatementLimits.DEFAULT, backoff, BlockerWatch.NONE);

        assertThat(runner(session, maria, false, true, guard).run(plan())).isNull();

        assertThat(session.log).filteredOn(s -> s.equals("CREATE TABLE b (x int)")).hasSize(1);
        assertThat(session.log).filteredOn(s -> s.contains("ALTER TABLE busy")).hasSize(3);
        assertThat(session.log).filteredOn(s -> s.contains("SET statement_count = 1") && s.contains("'r2'")).hasSize(1);
        assertThat(pauses).hasSize(2);
    }

    @Test
    void outsideATransactionTheLastTimeoutMarksTheRevisionTimedOutAndALaterRunResumesIt() {
        RecordingSession session = new RecordingSession(null).failing("ALTER TABLE busy", 10, MARIADB_LOCK_TIMEOUT);
        VersionStore maria = new VersionStore(Dialects.MARIADB, null, "v", "h");
        StatementGuard guard = new StatementGuard(Dialects.MARIADB, StatementLimits.DEFAULT.withLockRetries(1), backoff,
                BlockerWatch.NONE);

        StepError error = runner(session, maria, false, true, guard).run(plan());

        assertThat(error.kind()).isEqualTo(ErrorKind.LOCK_TIMEOUT);
        assertThat(error.message()).contains("statements 1-1 of the revision committed")
                .contains("the next run resumes at statement 2");
        assertThat(session.log.get(session.log.size() - 1)).startsWith("UPDATE `h` SET status = 'timed_out'").contains("'r2'");

        RecordingSession next = new RecordingSession(null);
        List<PreparedStep> remaining = plan().subList(1, 3);
        StepRunner resumed = runner(next, maria, false, true, guard).resuming(Map.of("r2/upgrade", 1));
        assertThat(resumed.run(remaining)).isNull();
        assertThat(next.log.get(0)).startsWith("UPDATE `h` SET status = 'started', run_id = 'run1'")
                .contains("status = 'timed_out'");
        assertThat(next.log).doesNotContain("CREATE TABLE b (x int)").contains("ALTER TABLE busy ADD COLUMN y int");
        assertThat(next.log).noneMatch(s -> s.startsWith("INSERT INTO `h`") && s.contains("'r2'"));
        assertThat(resumed.committed()).extracting(StepResult::revision).containsExactly("r2", "r3");
    }

    @Test
    void aRevisionWithItsOwnStatementTimeoutSetsItInsideItsTransaction() {
        MigrationStepsWithTimeout steps = new MigrationStepsWithTimeout(plan());
        RecordingSession session = new RecordingSession(null);

        assertThat(runner(session, pg, true, true, guard(3)).run(steps.withTimeout(1, Duration.ofMinutes(10)))).isNull();

        int statement = session.log.indexOf("CREATE TABLE b (x int)");
        assertThat(session.log.get(statement - 1)).isEqualTo("SET LOCAL statement_timeout = '600000ms'");
        assertThat(session.log.get(statement - 2)).isEqualTo("BEGIN");
        assertThat(session.log).filteredOn(s -> s.contains("statement_timeout")).hasSize(1);
    }

    @Test
    void aStatementTimeoutIsItsOwnKindOfErrorAndNeverRetried() {
        RecordingSession session = new RecordingSession(null).failing("ALTER TABLE busy", 1,
                new SQLException("canceling statement due to statement timeout", "57014"));

        StepError error = runner(session, pg, true, true, guard(3)).run(plan());

        assertThat(error.kind()).isEqualTo(ErrorKind.STATEMENT_TIMEOUT);
        assertThat(error.message()).contains("raise 'statement_timeout'").contains("-- statement_timeout: SECONDS");
        assertThat(pauses).isEmpty();
    }

    @Test
    void outsideATransactionAStatementTimeoutAlsoLeavesTheRevisionResumable() {
        RecordingSession session = new RecordingSession(null).failing("CREATE TABLE a", 1,
                new SQLException("Query execution was interrupted (max_statement_time exceeded)", "70100", 1969));
        VersionStore maria = new VersionStore(Dialects.MARIADB, null, "v", "h");
        StatementGuard guard = new StatementGuard(Dialects.MARIADB, StatementLimits.DEFAULT, backoff, BlockerWatch.NONE);

        StepError error = runner(session, maria, false, true, guard).run(plan());

        assertThat(error.kind()).isEqualTo(ErrorKind.STATEMENT_TIMEOUT);
        assertThat(error.message()).contains("no statement of the revision had committed")
                .endsWith("the next run resumes at statement 1");
        assertThat(session.log.get(session.log.size() - 1)).contains("SET status = 'timed_out'").contains("'r1'");
        assertThat(pauses).isEmpty();
    }

    @Test
    void aClosedGateStopsTheTargetBeforeTheNextRevisionAsThrottled() {
        RecordingSession session = new RecordingSession(null);
        List<String> asked = new ArrayList<>();
        RevisionGate gate = () -> {
            asked.add("gate");
            return asked.size() == 2 ? "server 'db:5432' stayed throttled for 300s" : null;
        };
        StepRunner runner = new StepRunner(session, pg, true, true, "run1").guarded(guard(3), gate);

        StepError error = runner.run(plan());

        assertThat(error.kind()).isEqualTo(ErrorKind.THROTTLED);
        assertThat(error.revision()).isEqualTo("r3");
        assertThat(error.message()).startsWith("server 'db:5432' stayed throttled for 300s; revision 'r3'");
        assertThat(runner.committed()).extracting(StepResult::revision).containsExactly("r1", "r2");
    }

    /** The plan with one step given a statement timeout of its own (as a script header would). */
    private record MigrationStepsWithTimeout(List<PreparedStep> steps) {
        List<PreparedStep> withTimeout(int index, Duration timeout) {
            List<PreparedStep> copy = new ArrayList<>(steps);
            PreparedStep s = copy.get(index);
            copy.set(index, new PreparedStep(s.step(), s.fileLabel(), s.checksum(), s.transactional(), s.statements(),
                    timeout));
            return copy;
        }
    }
}
