package dev.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.orchestrator.twophase.Decision;
import dev.drover.orchestrator.twophase.JournalEntry;
import dev.drover.orchestrator.twophase.NodeRecovery;
import dev.drover.orchestrator.twophase.RecoveryAction;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recover --cluster} without a live agent: nothing is resolved, every journaled gid is reported with the
 * reason and the next step, and every journal file is kept (no agent is asked, so no cluster is needed here).
 */
class ClusterRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aZoneWithoutALiveAgentAndAnUnconfiguredParticipantLeaveTheJournalAsItIs() throws Exception {
        TwoPhaseJournal journal = new TwoPhaseJournal(dir.resolve("journal"));
        Path file = journal.write(JournalEntry.begin("run-1", "acme", List.of("billing/acme", "gone/acme"),
                List.of("jdbc:postgresql://h/billing", "jdbc:postgresql://h/gone")).withDecision(Decision.COMMIT));
        Map<String, String> zones = Map.of("billing", "south");
        AgentDispatcher noAgents = new AgentDispatcher(null, zones::get, Clock.systemUTC());

        List<NodeRecovery> seen = new ClusterRecovery(null, noAgents, zones::get, Clock.systemUTC())
                .recover(journal, List.of(target("billing", "acme")), false);

        assertThat(seen).hasSize(2).allSatisfy(r -> {
            assertThat(r.group()).isEqualTo("acme");
            assertThat(r.runId()).isEqualTo("run-1");
            assertThat(r.node()).isNull();
            assertThat(r.transaction().action()).isEqualTo(RecoveryAction.UNREACHABLE);
        });
        assertThat(seen).extracting(r -> r.transaction().targetKey()).containsExactlyInAnyOrder("billing/acme",
                "gone/acme");
        assertThat(seen).filteredOn(r -> r.transaction().targetKey().equals("billing/acme")).singleElement()
                .satisfies(r -> assertThat(r.transaction().detail()).contains("no live agent serves zone 'south'",
                        "drover agent --zones south", "recover --cluster"));
        assertThat(seen).filteredOn(r -> r.transaction().targetKey().equals("gone/acme")).singleElement()
                .satisfies(r -> assertThat(r.transaction().detail()).contains("not among the configured targets"));
        assertThat(journal.readAll()).singleElement().satisfies(s -> assertThat(s.file()).isEqualTo(file));
    }

    @Test
    void anEmptyJournalWithoutAgentsHasNothingToRecover() throws Exception {
        Map<String, String> zones = Map.of("billing", "south");
        AgentDispatcher noAgents = new AgentDispatcher(null, zones::get, Clock.systemUTC());

        assertThat(new ClusterRecovery(null, noAgents, zones::get, Clock.systemUTC())
                .recover(new TwoPhaseJournal(dir.resolve("empty")), List.of(target("billing", "acme")), false))
                .isEmpty();
    }

    private FleetTarget target(String section, String tenant) throws Exception {
        Path versions = Files.createDirectories(dir.resolve("versions"));
        Files.writeString(versions.resolve("r1_a.sql"), "-- revision: r1\n-- down_revision:\n\n-- drover:upgrade\n"
                + "CREATE TABLE a (id INT);\n\n-- drover:downgrade\nDROP TABLE a;\n");
        ScriptSource scripts = ScriptSource.of(ScriptDirectory.load(List.of(versions)));
        return new FleetTarget(MigrationTarget.of(section + "/" + tenant, "jdbc:postgresql://h/" + section),
                scripts, null, section, tenant);
    }
}
