package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.dialect.Dialects;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationTargetTest {

    @Test
    void defaultsFollowTheDesign() {
        MigrationTarget t = MigrationTarget.of("billing", "jdbc:postgresql://h:5432/billing");
        assertThat(t.dialect()).isSameAs(Dialects.POSTGRES);
        assertThat(t.versionTable()).isEqualTo("drover_version");
        assertThat(t.historyTable()).isEqualTo("drover_history");
        assertThat(t.transactionPerMigration()).isTrue();
        assertThat(t.withTenant("acme").versionSchema()).isEqualTo("acme");
        assertThat(t.withTenant("acme").withTables("alembic_version", "shared", null).versionSchema()).isEqualTo("shared");
    }

    @Test
    void credentialsNeverAppearInTextForms() {
        MigrationTarget t = MigrationTarget.of("crm", "jdbc:mariadb://bob:s3cret@h:3306/crm?user=bob&password=hunter2")
                .withCredentials("bob", "topsecret");

        assertThat(t.toString()).doesNotContain("s3cret", "hunter2", "topsecret").contains("password=***");
        assertThat(t.maskedUrl()).isEqualTo("jdbc:mariadb://h:3306/crm?user=***&password=***");
        assertThat(t.databaseAddress()).isEqualTo("jdbc:mariadb://h:3306/crm");
        assertThat(MigrationTarget.of("h", "jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=pw").maskedUrl())
                .isEqualTo("jdbc:h2:file:/tmp/x;USER=***;PASSWORD=***");
    }

    @Test
    void selectorNamesExactlyThisTargetAndIsSafeToPaste() {
        assertThat(MigrationTarget.of("billing", "jdbc:postgresql://h/billing").selector()).isEqualTo("-n billing");
        assertThat(MigrationTarget.of("billing/acme", "jdbc:postgresql://h/billing").selector())
                .isEqualTo("-n billing -t acme");
        // '$' is legal in tenant names and would expand in a shell; a quote in a section name is escaped
        assertThat(MigrationTarget.of("it's/ten$ant", "jdbc:postgresql://h/x").selector())
                .isEqualTo("-n 'it'\\''s' -t 'ten$ant'");
    }

    @Test
    void builderWithOnlyRequiredComponentsEqualsOf() {
        assertThat(MigrationTarget.builder("billing", "jdbc:h2:mem:b").build())
                .isEqualTo(MigrationTarget.of("billing", "jdbc:h2:mem:b"));
    }

    @Test
    void builderSetsEveryComponentAndToBuilderRoundTrips() {
        StatementLimits limits = new StatementLimits(Duration.ofSeconds(3), 2, Duration.ofSeconds(9));
        MigrationTarget t = MigrationTarget.builder("billing/acme", "jdbc:postgresql://h:5432/billing")
                .user("app").password("s3cret").dialect(Dialects.POSTGRES).tenantSchema("acme")
                .searchPath(List.of("acme", "public")).versionTable("v").versionTableSchema("meta").historyTable("h")
                .placeholders(Map.of("tenant", "acme")).transactionPerMigration(false).createSchema(true)
                .lockWait(Duration.ofSeconds(5)).ledgerSchema("drover").limits(limits).setupInRunTransaction(true).build();
        assertThat(t).isEqualTo(new MigrationTarget("billing/acme", "jdbc:postgresql://h:5432/billing", "app",
                "s3cret", Dialects.POSTGRES, "acme", List.of("acme", "public"), "v", "meta", "h",
                Map.of("tenant", "acme"), false, true, Duration.ofSeconds(5), "drover", limits, true));
        assertThat(t.toBuilder().build()).isEqualTo(t);
        assertThat(t.toBuilder().jdbcUrl("jdbc:postgresql://h:5432/other").build().jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/other");
        assertThat(t.withLedger(null)).isEqualTo(t.toBuilder().ledgerSchema(null).build());
    }
}
