package dev.drover.orchestrator.twophase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.runtime.FakeScripts;
import dev.drover.orchestrator.runtime.MigrationTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreflightTest {

    private static final FakeScripts SCRIPTS = new FakeScripts();

    private static Participant participant(String key, String url) {
        return new Participant(MigrationTarget.of(key, url), SCRIPTS, SCRIPTS::linearFrom);
    }

    @Test
    void disabledPreparedTransactionsAreRefusedNamingTheServerAndTheFix() {
        assertThatThrownBy(() -> Preflight.checkCapacity(Map.of("jdbc:postgresql://db1:5432", 0),
                Map.of("jdbc:postgresql://db1:5432", 2)))
                .isInstanceOf(TwoPhaseRefusedException.class)
                .hasMessageContaining("'jdbc:postgresql://db1:5432'")
                .hasMessageContaining("max_prepared_transactions = 0")
                .hasMessageContaining("restart");
    }

    @Test
    void tooFewPreparedTransactionSlotsAreRefused() {
        assertThatThrownBy(() -> Preflight.checkCapacity(Map.of("s", 1), Map.of("s", 2)))
                .isInstanceOf(TwoPhaseRefusedException.class)
                .hasMessageContaining("allows 1")
                .hasMessageContaining("needs 2");
        assertThatCode(() -> Preflight.checkCapacity(Map.of("s", 2), Map.of("s", 2))).doesNotThrowAnyException();
    }

    @Test
    void participantsAreCountedPerServerWithoutCredentials() {
        Map<String, List<MigrationTarget>> servers = Preflight.byServer(List.of(
                participant("a", "jdbc:postgresql://h1:5432/billing?user=u&password=secret"),
                participant("b", "jdbc:postgresql://h1:5432/crm?password=secret"),
                participant("c", "jdbc:postgresql://u:secret@h2:5433/crm")));

        assertThat(servers).containsOnlyKeys("jdbc:postgresql://h1:5432", "jdbc:postgresql://h2:5433");
        assertThat(servers.get("jdbc:postgresql://h1:5432")).hasSize(2);
    }

    @Test
    void mariaDbAndH2ParticipantsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Preflight.checkTargets(List.of(participant("pg", "jdbc:postgresql://h/db"),
                participant("maria", "jdbc:mariadb://h/db?password=secret"))))
                .isInstanceOf(TwoPhaseRefusedException.class)
                .hasMessageContaining("'maria'")
                .hasMessageContaining("XA transactions cannot hold DDL")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Preflight.checkTargets(List.of(participant("h2", "jdbc:h2:mem:x"))))
                .hasMessageContaining("H2 commits DDL implicitly");
    }

    @Test
    void twoParticipantsOnOneVersionTableAreRefused() {
        assertThatThrownBy(() -> Preflight.checkTargets(List.of(participant("a", "jdbc:postgresql://h/db"),
                participant("b", "jdbc:postgresql://h/db?user=x"))))
                .isInstanceOf(TwoPhaseRefusedException.class)
                .hasMessageContaining("share the version table");
    }
}
