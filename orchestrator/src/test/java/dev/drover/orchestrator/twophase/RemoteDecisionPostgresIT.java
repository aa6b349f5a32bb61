package dev.drover.orchestrator.twophase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.runtime.SessionFactory;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import dev.drover.testing.TestSql;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A group whose decision is kept elsewhere (a cluster agent's view: the coordinator journals it): a refused
 * decision rolls every participant back; an unanswered one leaves them prepared, in doubt, and
 * {@link TwoPhaseRecovery#resolve} over the coordinator's entry (read elsewhere, no file here) commits them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteDecisionPostgresIT {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    private TestDatabase db;
    private String url0;
    private String url1;
    private SessionFactory sessions;

    @BeforeAll
    void open() {
        db = TestDatabases.open(DatabaseKind.POSTGRES);
        url0 = db.url();
        url1 = db.urlOf(db.createDatabase("rd2"));
        sessions = SessionFactory.pooled(4);
    }

    @AfterEach
    void rollBackLeftovers() throws SQLException {
        for (String url : List.of(url0, url1)) {
            for (String gid : prepared(url, "rd")) {
                TestSql.execute(url, "ROLLBACK PREPARED '" + gid + "'");
            }
        }
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

    /** Records what the coordinator was asked, and answers {@code decide} with {@code answer}. */
    private static final class Remote implements DecisionLog {
        final List<String> calls = new ArrayList<>();
        final RuntimeException answer;
        JournalEntry decided;

        Remote(RuntimeException answer) {
            this.answer = answer;
        }

        @Override
        public String begin(JournalEntry entry) {
            calls.add("begin " + entry.decision());
            return "/coordinator/journal/" + entry.runId() + ".json";
        }

        @Override
        public void decide(JournalEntry entry) {
            calls.add("decide " + entry.gids().size());
            decided = entry;
            if (answer != null) {
                throw answer;
            }
        }

        @Override
        public void end(JournalEntry entry) {
            calls.add("end");
        }
    }

    @Test
    void aRefusedDecisionRollsEveryParticipantBack() throws Exception {
        String schema = "rd_" + Long.toString(System.nanoTime(), 36) + "_" + TENANTS.incrementAndGet();
        Remote remote = new Remote(new DecisionLog.Refused("its agent was declared lost"));

        GroupResult result = new TwoPhaseCoordinator(sessions, new TwoPhaseJournal(Path.of("unused")))
                .run("rdrefused", schema, TwoPhaseFixtures.group(url0, url1, schema, "CREATE TABLE notes (id INT)"),
                        remote);

        assertThat(remote.calls).containsExactly("begin none", "decide 2", "end");
        assertThat(result.participants()).extracting(ParticipantResult::status)
                .containsExactly(ParticipantStatus.FAILED, ParticipantStatus.FAILED);
        assertThat(result.participants().get(0).error().message())
                .contains("commit decision was not recorded", "its agent was declared lost");
        for (String url : List.of(url0, url1)) {
            assertThat(TestSql.column(url, "SELECT count(*) FROM " + schema + ".drover_version")).containsExactly("0");
            assertThat(prepared(url, "rdrefused")).isEmpty();
        }
    }

    @Test
    void anUnansweredDecisionLeavesTheGroupInDoubtAndResolveCommitsItFromTheCoordinatorsEntry() throws Exception {
        String schema = "rd_" + Long.toString(System.nanoTime(), 36) + "_" + TENANTS.incrementAndGet();
        Remote remote = new Remote(new DecisionLog.Unknown("the coordinator did not answer"));
        List<Participant> group = TwoPhaseFixtures.group(url0, url1, schema, "CREATE TABLE notes (id INT)");

        GroupResult result = new TwoPhaseCoordinator(sessions, new TwoPhaseJournal(Path.of("unused")))
                .run("rdunknown", schema, group, remote);

        assertThat(remote.calls).containsExactly("begin none", "decide 2");
        assertThat(result.inDoubt()).isTrue();
        assertThat(result.participants()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(ParticipantStatus.IN_DOUBT);
            assertThat(p.error().message()).contains("/coordinator/journal/rdunknown.json", "drover recover");
        });
        assertThat(prepared(url0, "rdunknown")).hasSize(1);
        assertThat(prepared(url1, "rdunknown")).hasSize(1);

        // the coordinator had journaled COMMIT: an agent resolves its entry
        TwoPhaseJournal.Stored entry = new TwoPhaseJournal.Stored(Path.of("/coordinator/journal/rdunknown.json"),
                remote.decided.withDecision(Decision.COMMIT));
        List<dev.drover.orchestrator.runtime.MigrationTarget> targets =
                group.stream().map(Participant::target).toList();
        RecoveryResult resolved = new TwoPhaseRecovery(sessions, new TwoPhaseJournal(Path.of("/coordinator/journal")))
                .resolve(List.of(entry), targets, false);

        assertThat(resolved.transactions()).extracting(RecoveredTransaction::action)
                .containsExactly(RecoveryAction.COMMITTED, RecoveryAction.COMMITTED);
        for (String url : List.of(url0, url1)) {
            assertThat(TestSql.column(url, "SELECT version_num FROM " + schema + ".drover_version")).containsExactly("a2");
        }
        assertThat(new TwoPhaseRecovery(sessions, new TwoPhaseJournal(Path.of("/coordinator/journal")))
                .resolve(List.of(entry), targets, false).transactions()).as("a second resolve finds nothing").isEmpty();
    }

    /** Drover's prepared transactions of runs starting with {@code run} in this database. */
    private static List<String> prepared(String url, String run) throws SQLException {
        return TestSql.column(url, "SELECT gid FROM pg_prepared_xacts WHERE gid LIKE 'drover\\_" + run
                + "%' AND database = current_database()");
    }


}
