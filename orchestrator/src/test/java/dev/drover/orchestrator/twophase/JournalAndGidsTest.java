package dev.drover.orchestrator.twophase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalAndGidsTest {

    @TempDir
    Path dir;

    @Test
    void gidsCarryThePrefixTheRunAndAreUniquePerKey() {
        String a = GlobalIds.of("run-1", 0, "billing/acme");
        String b = GlobalIds.of("run-1", 1, "crm/acme");

        assertThat(a).startsWith("drover_run-1_0_").hasSizeLessThan(200);
        assertThat(b).startsWith("drover_run-1_1_").isNotEqualTo(a);
        assertThat(GlobalIds.of("run-1", 0, "crm/other")).isNotEqualTo(a);
    }

    @Test
    void aTooLongGidIsRefused() {
        assertThatThrownBy(() -> GlobalIds.of("r".repeat(190), 0, "k")).hasMessageContaining("shorter run id");
    }

    @Test
    void theDecisionReplacesTheEntryAndDeleteRemovesIt() throws Exception {
        TwoPhaseJournal journal = new TwoPhaseJournal(dir.resolve("journal"));
        JournalEntry entry = new JournalEntry(1, "run:1", "acme", "none", "2024-01-01T00:00:00Z",
                List.of(new JournalEntry.Participant("billing/acme", "jdbc:postgresql://h/billing?password=***",
                        GlobalIds.of("run:1", 0, "billing/acme"))));

        Path file = journal.write(entry);
        journal.write(entry.withDecision(Decision.COMMIT));

        assertThat(file.getFileName().toString()).startsWith("run_1_").endsWith(".json");
        assertThat(journal.readAll()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo(file);
            assertThat(s.entry().decisionValue()).isEqualTo(Decision.COMMIT);
            assertThat(s.entry().participants()).isEqualTo(entry.participants());
        });
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        journal.delete(file);
        assertThat(journal.readAll()).isEmpty();
    }

    @Test
    void anUnreadableFileIsNamed() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("broken.json"), "{not json");

        assertThatThrownBy(() -> new TwoPhaseJournal(dir).readAll()).hasMessageContaining("broken.json");
    }
}
