package dev.drover.orchestrator.twophase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local decision log and the journal entry a cluster's coordinator and its agent both compute. */
class DecisionLogTest {

    @TempDir
    Path dir;

    @Test
    void aNewEntryHasOneGidPerParticipantInOrderAndNoDecision() {
        JournalEntry entry = JournalEntry.begin("run-7", "acme", List.of("billing/acme", "ledger/acme"),
                List.of("jdbc:postgresql://h/billing", "jdbc:postgresql://h/ledger"));

        assertThat(entry.decisionValue()).isEqualTo(Decision.NONE);
        assertThat(entry.gids()).containsExactly(GlobalIds.of("run-7", 0, "billing/acme"),
                GlobalIds.of("run-7", 1, "ledger/acme"));
        assertThat(JournalEntry.begin("run-7", "acme", List.of("billing/acme", "ledger/acme"),
                List.of("a", "b")).gids()).as("the agent computes the coordinator's gids").isEqualTo(entry.gids());
    }

    @Test
    void aTargetTwiceInOneGroupIsRefused() {
        assertThatThrownBy(() -> JournalEntry.begin("run-7", "acme", List.of("billing/acme", "billing/acme"),
                List.of("a", "b"))).hasMessageContaining("'billing/acme' appears twice in two-phase group 'acme'");
    }

    @Test
    void theJournalLogWritesTheGroupThenTheCommitDecisionAndDeletesItAtTheEnd() {
        TwoPhaseJournal journal = new TwoPhaseJournal(dir);
        DecisionLog log = DecisionLog.journal(journal);
        JournalEntry entry = JournalEntry.begin("run-8", "acme", List.of("billing/acme"), List.of("jdbc:x"));

        String where = log.begin(entry);
        assertThat(where).isEqualTo(journal.fileOf("run-8", "acme").toString());
        assertThat(journal.readAll()).singleElement()
                .satisfies(s -> assertThat(s.entry().decisionValue()).isEqualTo(Decision.NONE));

        log.decide(entry);
        assertThat(journal.readAll()).singleElement()
                .satisfies(s -> assertThat(s.entry().decisionValue()).isEqualTo(Decision.COMMIT));

        log.end(entry);
        assertThat(journal.readAll()).isEmpty();
    }
}
