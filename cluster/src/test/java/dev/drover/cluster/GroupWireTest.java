package dev.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.twophase.JournalEntry;
import dev.drover.orchestrator.twophase.ParticipantResult;
import dev.drover.orchestrator.twophase.ParticipantStatus;
import dev.drover.orchestrator.twophase.RecoveredTransaction;
import dev.drover.orchestrator.twophase.RecoveryAction;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two-phase messages survive the wire, carry no connection, and a zone gets only its participants. */
class GroupWireTest {

    private static final JournalEntry ENTRY = JournalEntry.begin("run-1", "acme",
            List.of("billing/acme", "ledger/acme"), List.of("jdbc:postgresql://h/billing", "jdbc:postgresql://h/ledger"));

    @Test
    void aGroupTaskTravelsWithItsGidsAndChecksumsButNoUrl() {
        GroupWire.GroupTask task = new GroupWire.GroupTask(3, 42, "run-1", "acme", "upgrade", "head",
                List.of(new GroupWire.Member("billing", "acme", "billing/acme", Map.of("r1", "abc"))), ENTRY.gids(),
                "/home/c/.drover/journal/run-1_x.json", "drover.c.coordinator.n.decide");

        String json = Wire.json(task);
        GroupWire.GroupTask back = Wire.read(json, GroupWire.GroupTask.class);

        assertThat(back).isEqualTo(task);
        assertThat(back.operation()).isEqualTo(FleetOperation.upgrade("head"));
        assertThat(json).doesNotContain("jdbc:");
    }

    @Test
    void onlyUpgradesAndDowngradesRunAsGroups() {
        GroupWire.GroupTask stamp = new GroupWire.GroupTask(1, 1, "r", "g", "stamp", null, List.of(), List.of(), "f",
                "a");

        assertThatThrownBy(stamp::operation).hasMessageContaining("cannot run 'stamp'");
    }

    @Test
    void anAgentsResultsAndRecoveriesComeBackIntact() {
        GroupWire.GroupDone done = new GroupWire.GroupDone(3, "east-1", "commit", List.of(new ParticipantResult(
                "billing/acme", ParticipantStatus.IN_DOUBT, ENTRY.gids().get(0), List.of("r1"), List.of("r2"), 12,
                List.of(), StepError.of("r2", "COMMIT PREPARED was not confirmed"))));
        GroupWire.Recovered recovered = new GroupWire.Recovered(4, "east-2", List.of(new RecoveredTransaction(
                ENTRY.gids().get(1), "ledger/acme", "jdbc:postgresql://h/ledger", RecoveryAction.COMMITTED,
                "the journal holds the commit decision")));
        GroupWire.Recover recover = new GroupWire.Recover(4, 9, "/j", false,
                List.of(new Wire.Entry("ledger", "acme", "ledger/acme")), List.of(new GroupWire.Journaled("/j/f.json",
                        ENTRY)));

        GroupWire.GroupDone timedOut = new GroupWire.GroupDone(5, "east-1", "none", List.of(), "could not lock", true);

        assertThat(Wire.read(Wire.json(done), GroupWire.GroupDone.class)).isEqualTo(done);
        assertThat(Wire.read(Wire.json(timedOut), GroupWire.GroupDone.class)).isEqualTo(timedOut);
        assertThat(Wire.read(Wire.json(recovered), GroupWire.Recovered.class)).isEqualTo(recovered);
        assertThat(Wire.read(Wire.json(recover), GroupWire.Recover.class)).isEqualTo(recover);
    }

    @Test
    void aZoneIsSentOnlyTheParticipantsOfItsTargetsWithTheirGroupsDecision() {
        TwoPhaseJournal.Stored stored = new TwoPhaseJournal.Stored(Path.of("/j/run-1_x.json"),
                ENTRY.withDecision(dev.drover.orchestrator.twophase.Decision.COMMIT));
        TwoPhaseJournal.Stored elsewhere = new TwoPhaseJournal.Stored(Path.of("/j/run-2_y.json"),
                JournalEntry.begin("run-2", "other", List.of("crm/other"), List.of("jdbc:x")));

        List<GroupWire.Journaled> east = ClusterRecovery.entriesOf(List.of(stored, elsewhere), Set.of("ledger/acme"));

        assertThat(east).singleElement().satisfies(j -> {
            assertThat(j.file()).isEqualTo("/j/run-1_x.json");
            assertThat(j.entry().decision()).isEqualTo("commit");
            assertThat(j.entry().participants()).extracting(JournalEntry.Participant::key)
                    .containsExactly("ledger/acme");
            assertThat(j.entry().gids()).containsExactly(ENTRY.gids().get(1));
        });
    }
}
