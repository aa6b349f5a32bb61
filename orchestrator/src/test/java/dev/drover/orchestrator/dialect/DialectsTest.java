package dev.drover.orchestrator.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.script.SqlSyntax;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectsTest {

    @Test
    void choosesTheDialectFromTheUrlPrefix() {
        assertThat(Dialects.forUrl("jdbc:postgresql://h:5432/db")).isSameAs(Dialects.POSTGRES);
        assertThat(Dialects.forUrl("jdbc:mariadb://h/db")).isSameAs(Dialects.MARIADB);
        assertThat(Dialects.forUrl("jdbc:mysql://h/db")).isSameAs(Dialects.MARIADB);
        assertThat(Dialects.forUrl("jdbc:h2:mem:x")).isSameAs(Dialects.H2);
    }

    @Test
    void prefixesAreMatchedIgnoringCaseAsTheRegistryAndTheDriversDo() {
        assertThat(Dialects.forUrl("JDBC:PostgreSQL://h:5432/db")).isSameAs(Dialects.POSTGRES);
        assertThat(Dialects.forUrl("jdbc:MySQL://h/db")).isSameAs(Dialects.MARIADB);
        assertThat(Dialects.forUrl("JDBC:H2:mem:x")).isSameAs(Dialects.H2);
    }

    @Test
    void theRegistrysDialectNamesMapOntoTheEnginesDialects() {
        assertThat(Dialects.named("postgresql")).isSameAs(Dialects.POSTGRES);
        assertThat(Dialects.named("mariadb")).isSameAs(Dialects.MARIADB);
        assertThat(Dialects.named("h2")).isSameAs(Dialects.H2);
        assertThatThrownBy(() -> Dialects.named("oracle")).hasMessageContaining("'oracle'");
    }

    @Test
    void anUnsupportedUrlNamesTheSupportedPrefixesButNotTheUrl() {
        assertThatThrownBy(() -> Dialects.forUrl("jdbc:oracle:thin:scott/tiger@h:1521:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'jdbc:oracle:...'")
                .hasMessageContaining("'jdbc:postgresql:', 'jdbc:mariadb:', 'jdbc:mysql:' and 'jdbc:h2:'")
                .hasMessageNotContaining("tiger");
    }

    @Test
    void quotingDoublesEmbeddedQuoteCharacters() {
        assertThat(Dialects.POSTGRES.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(Dialects.H2.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(Dialects.MARIADB.quote("we`ird")).isEqualTo("`we``ird`");
        assertThat(Dialects.MARIADB.literal("it's a \\ test")).isEqualTo("'it''s a \\\\ test'");
        assertThat(Dialects.POSTGRES.literal("it's")).isEqualTo("'it''s'");
    }

    @Test
    void onlyPostgresHasTransactionalDdlAndTwoPhaseCommit() {
        assertThat(Dialects.POSTGRES.transactionalDdl()).isTrue();
        assertThat(Dialects.MARIADB.transactionalDdl()).isFalse();
        assertThat(Dialects.H2.transactionalDdl()).isFalse();
        assertThat(Dialects.POSTGRES.prepareTransaction("drover_r1_0")).isEqualTo("PREPARE TRANSACTION 'drover_r1_0'");
        assertThat(Dialects.POSTGRES.commitPrepared("g")).isEqualTo("COMMIT PREPARED 'g'");
        assertThat(Dialects.POSTGRES.rollbackPrepared("g")).isEqualTo("ROLLBACK PREPARED 'g'");
        assertThatThrownBy(() -> Dialects.MARIADB.prepareTransaction("g"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("XA").hasMessageContaining("two_phase");
        assertThatThrownBy(() -> Dialects.H2.commitPrepared("g"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("H2 commits DDL");
    }

    @Test
    void tenantSelectionAndResetPerDialect() {
        assertThat(Dialects.POSTGRES.selectTenant("acme", List.of())).containsExactly("SET search_path TO \"acme\"");
        assertThat(Dialects.POSTGRES.selectTenant("acme", List.of("acme", "public")))
                .containsExactly("SET search_path TO \"acme\", \"public\"");
        assertThat(Dialects.POSTGRES.resetTenant("jdbc:postgresql://h/db")).containsExactly("RESET ALL");
        assertThat(Dialects.MARIADB.selectTenant("acme", List.of("ignored"))).containsExactly("USE `acme`");
        assertThat(Dialects.MARIADB.resetTenant("jdbc:mariadb://h:3306/crm?user=u")).containsExactly("USE `crm`");
        assertThat(Dialects.MARIADB.resetTenant("jdbc:mariadb://h:3306/?user=u")).isEmpty();
        assertThat(Dialects.H2.selectTenant("acme", List.of())).containsExactly("SET SCHEMA \"acme\"");
        assertThat(Dialects.H2.selectTenant(null, List.of())).isEmpty();
        assertThat(Dialects.MARIADB.createSchema("acme")).isEqualTo("CREATE DATABASE IF NOT EXISTS `acme`");
    }

    @Test
    void splittingSyntaxFollowsTheDialect() {
        assertThat(Dialects.MARIADB.sqlSyntax()).isEqualTo(SqlSyntax.MYSQL);
        assertThat(Dialects.POSTGRES.sqlSyntax()).isEqualTo(SqlSyntax.STANDARD);
        assertThat(Dialects.H2.sqlSyntax()).isEqualTo(SqlSyntax.STANDARD);
    }
}
