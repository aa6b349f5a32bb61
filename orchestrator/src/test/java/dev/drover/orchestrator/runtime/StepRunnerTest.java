package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.store.VersionStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepRunnerTest {

    private final FakeScripts scripts = new FakeScripts()
            .add("r1", List.of(), List.of("CREATE TABLE a (x int)"), List.of("DROP TABLE a"))
            .add("r2", List.of("r1"), List.of("CREATE TABLE b (x int)", "CREATE TABLE c (x int)"), List.of())
            .add("r3", List.of("r2"), List.of("CREATE INDEX CONCURRENTLY i ON a (x)"), List.of(), false);
    private final VersionStore store = new VersionStore(Dialects.POSTGRES, null, "drover_version", "drover_history");
    private final MigrationTarget target = MigrationTarget.of("t", "jdbc:postgresql://h/db");

    private List<PreparedStep> plan() {
        return PlanPreparer.prepare(target, scripts, scripts.linearFrom(List.of()));
    }

    @Test
    void onePostgresTransactionPerRevisionAndMarkersForNonTransactionalOnes() {
        RecordingSession session = new RecordingSession(null);
        StepRunner runner = new StepRunner(session, store, true, true, "run1");

        assertThat(runner.run(plan())).isNull();

        assertThat(session.log).filteredOn(s -> s.equals("BEGIN") || s.equals("COMMIT")).hasSize(6);
        assertThat(session.log.get(0)).isEqualTo("BEGIN");
        assertThat(session.log.get(1)).isEqualTo("CREATE TABLE a (x int)");
        assertThat(session.log.get(2)).startsWith("INSERT INTO \"drover_version\"").contains("'r1'");
        assertThat(session.log.get(3)).contains("'done'");
        assertThat(session.log.get(4)).isEqualTo("COMMIT");
        int concurrently = session.log.indexOf("CREATE INDEX CONCURRENTLY i ON a (x)");
        assertThat(session.log.get(concurrently - 1)).contains("'started'");
        assertThat(session.log.get(concurrently - 2)).isEqualTo("COMMIT");
        assertThat(session.log.get(concurrently + 1)).contains("SET statement_count = 1");
        assertThat(runner.committed()).extracting(StepResult::revision).containsExactly("r1", "r2", "r3");
    }

    @Test
    void aFailingStatementRollsBackOnlyItsRevision() {
        RecordingSession session = new RecordingSession("CREATE TABLE c");
        StepRunner runner = new StepRunner(session, store, true, true, "run1");

        StepError error = runner.run(plan());

        assertThat(error).isEqualTo(new StepError("r2", 2, 12, "42P07", "boom"));
        assertThat(session.log.subList(session.log.size() - 1, session.log.size())).containsExactly("ROLLBACK");
        assertThat(runner.committed()).extracting(StepResult::revision).containsExactly("r1");
    }

    @Test
    void oneTransactionPerRunRollsBackEveryRevisionOfTheRun() {
        RecordingSession session = new RecordingSession("CREATE TABLE c");
        StepRunner runner = new StepRunner(session, store, true, false, "run1");

        StepError error = runner.run(plan());

        assertThat(error.revision()).isEqualTo("r2");
        assertThat(session.log).filteredOn("BEGIN"::equals).hasSize(1);
        assertThat(session.log).doesNotContain("COMMIT");
        assertThat(runner.committed()).isEmpty();
    }

    @Test
    void withoutTransactionalDdlEveryRevisionRecordsProgressAndCommitsItsMarker() {
        RecordingSession session = new RecordingSession("CREATE TABLE c");
        StepRunner runner = new StepRunner(session, new VersionStore(Dialects.MARIADB, null, "v", "h"), false, true, "run1");

        StepError error = runner.run(PlanPreparer.prepare(target, scripts, scripts.linearFrom(List.of())));

        assertThat(error.statement()).isEqualTo(2);
        int b = session.log.indexOf("CREATE TABLE b (x int)");
        assertThat(session.log.get(b - 1)).startsWith("INSERT INTO `h`").contains("'started'");
        assertThat(session.log.get(b + 1)).contains("SET statement_count = 1").contains("'r2'");
        assertThat(session.log.get(session.log.size() - 1)).startsWith("FAIL");
        assertThat(runner.committed()).extracting(StepResult::revision).containsExactly("r1");
    }

    @Test
    void aFailedCommitLeavesItsStepsUnacknowledgedNotCommitted() {
        RecordingSession session = new RecordingSession(null).losingCommit(2);
        StepRunner runner = new StepRunner(session, store, true, true, "run1");

        StepError error = runner.run(plan());

        assertThat(error.revision()).isEqualTo("r2");
        assertThat(error.sqlState()).isEqualTo("08006");
        assertThat(runner.committed()).extracting(StepResult::revision).containsExactly("r1");
        assertThat(runner.unacknowledged()).extracting(StepResult::revision).containsExactly("r2");
        assertThat(session.log).doesNotContain("CREATE INDEX CONCURRENTLY i ON a (x)");
    }

    @Test
    void aFailedCommitOfTheRunTransactionLeavesEveryStepOfItUnacknowledged() {
        FakeScripts transactional = new FakeScripts()
                .add("r1", List.of(), List.of("CREATE TABLE a (x int)"), List.of())
                .add("r2", List.of("r1"), List.of("CREATE TABLE b (x int)"), List.of());
        RecordingSession session = new RecordingSession(null).losingCommit(1);
        StepRunner runner = new StepRunner(session, store, true, false, "run1");

        StepError error = runner.run(PlanPreparer.prepare(target, transactional, transactional.linearFrom(List.of())));

        assertThat(error.sqlState()).isEqualTo("08006");
        assertThat(runner.committed()).isEmpty();
        assertThat(runner.unacknowledged()).extracting(StepResult::revision).containsExactly("r1", "r2");
    }

    @Test
    void aStatementFailureIsNoCommitAttemptButItsStepIsStillOnlyUnacknowledged() {
        RecordingSession session = new RecordingSession("CREATE TABLE c");
        StepRunner runner = new StepRunner(session, store, true, true, "run1");

        runner.run(plan());

        // The read-back decides from the version table; a step whose transaction was rolled back has no done row.
        assertThat(runner.committed()).extracting(StepResult::revision).containsExactly("r1");
        assertThat(runner.unacknowledged()).extracting(StepResult::revision).isEmpty();
    }

    private final FakeScripts threeTransactional = new FakeScripts()
            .add("r1", List.of(), List.of("CREATE TABLE a (x int)"), List.of())
            .add("r2", List.of("r1"), List.of("CREATE TABLE b (x int)"), List.of())
            .add("r3", List.of("r2"), List.of("CREATE TABLE c (x int)"), List.of());

    private StepRunner online(RecordingSession session) {
        return StepRunner.online(session, store, Dialects.POSTGRES, true, "run1");
    }

    @Test
    void onlineEveryRevisionButTheLastCommitsWithoutWaitingForTheDisk() {
        RecordingSession session = new RecordingSession(null);

        assertThat(online(session).run(PlanPreparer.prepare(target, threeTransactional,
                threeTransactional.linearFrom(List.of())))).isNull();

        assertThat(session.log).filteredOn(sql -> sql.startsWith("SET LOCAL synchronous_commit")).hasSize(2);
        int lastBegin = session.log.lastIndexOf("BEGIN");
        assertThat(session.log.get(lastBegin + 1)).isEqualTo("CREATE TABLE c (x int)");
        assertThat(session.log.get(session.log.indexOf("BEGIN") + 1)).isEqualTo("SET LOCAL synchronous_commit TO off");
    }

    @Test
    void anOnlineRunThatStopsEarlyMakesItsCommitsDurableBeforeReportingThem() {
        RecordingSession session = new RecordingSession("CREATE TABLE c");
        StepRunner runner = online(session);

        runner.run(PlanPreparer.prepare(target, threeTransactional, threeTransactional.linearFrom(List.of())));

        assertThat(session.log.subList(session.log.size() - 4, session.log.size()))
                .containsExactly("ROLLBACK", "BEGIN", "SELECT txid_current()", "COMMIT");
        assertThat(runner.committed()).extracting(StepResult::revision).containsExactly("r1", "r2");
        assertThat(runner.unacknowledged()).isEmpty();
    }

    @Test
    void commitsThatCouldNotBeMadeDurableAreLeftToTheReadBack() {
        RecordingSession session = new RecordingSession("txid_current").losingCommit(3);
        StepRunner runner = online(session);

        runner.run(PlanPreparer.prepare(target, threeTransactional, threeTransactional.linearFrom(List.of())));

        assertThat(runner.committed()).isEmpty();
        assertThat(runner.unsecured()).extracting(StepResult::revision).containsExactly("r1", "r2");
        assertThat(runner.unacknowledged()).extracting(StepResult::revision).containsExactly("r3");
    }

    @Test
    void offlineAndTwoPhaseRunnersNeverCommitAsynchronously() {
        RecordingSession session = new RecordingSession(null);

        new StepRunner(session, store, true, true, "run1").run(PlanPreparer.prepare(target, threeTransactional,
                threeTransactional.linearFrom(List.of())));

        assertThat(session.log).noneMatch(sql -> sql.contains("synchronous_commit"));
    }
}
