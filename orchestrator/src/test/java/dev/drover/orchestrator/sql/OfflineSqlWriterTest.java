package dev.drover.orchestrator.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.graph.VersionDelta;
import dev.drover.orchestrator.runtime.FakeScripts;
import dev.drover.orchestrator.runtime.MigrationTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineSqlWriterTest {

    private final FakeScripts scripts = new FakeScripts()
            .add("r1", List.of(), List.of("CREATE TABLE a (x int DEFAULT '${tenant}')"), List.of("DROP TABLE a"))
            .add("r2", List.of("r1"), List.of("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;"),
                    List.of("DROP FUNCTION f"));
    private final MigrationTarget pg = MigrationTarget.of("billing/acme", "jdbc:postgresql://h/billing?password=secret")
            .withTenant("acme").withPlaceholders(Map.of("tenant", "acme"));

    @Test
    void writesWhatTheOnlineRunExecutesPerRevisionTransaction() {
        String sql = OfflineSqlWriter.migration(pg, scripts, scripts.linearFrom(List.of()), "run-1", "upgrade base:r2");

        assertThat(sql).startsWith("-- Drover offline SQL: upgrade base:r2\n-- target 'billing/acme' (postgresql), run 'run-1'\n")
                .doesNotContain("secret", "jdbc:");
        List<String> lines = sql.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).toList();
        assertThat(lines.get(0)).isEqualTo("SET search_path TO \"acme\";");
        assertThat(lines.get(1)).startsWith("CREATE TABLE IF NOT EXISTS \"acme\".\"drover_version\"");
        assertThat(lines.get(3)).isEqualTo("BEGIN;");
        assertThat(lines.get(4)).isEqualTo("CREATE TABLE a (x int DEFAULT 'acme');");
        assertThat(lines.get(5)).isEqualTo("INSERT INTO \"acme\".\"drover_version\" (version_num) VALUES ('r1');");
        assertThat(lines.get(6)).contains("'done'", "'run-1'", "clock_timestamp()");
        assertThat(lines.get(7)).isEqualTo("COMMIT;");
        assertThat(lines.get(9)).isEqualTo("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;");
        assertThat(lines).filteredOn("COMMIT;"::equals).hasSize(2);
    }

    @Test
    void isDeterministic() {
        assertThat(OfflineSqlWriter.migration(pg, scripts, scripts.linearFrom(List.of()), "run-1", "upgrade"))
                .isEqualTo(OfflineSqlWriter.migration(pg, scripts, scripts.linearFrom(List.of()), "run-1", "upgrade"));
    }

    @Test
    void oneTransactionPerRunWrapsEveryRevision() {
        String sql = OfflineSqlWriter.migration(pg.withTransactionPerMigration(false), scripts,
                scripts.linearFrom(List.of()), "run-1", "upgrade");

        assertThat(sql.lines().filter("BEGIN;"::equals)).hasSize(1);
        assertThat(sql.lines().filter("COMMIT;"::equals)).hasSize(1);
    }

    @Test
    void mariaDbSelectsTheTenantDatabaseAndWrapsBodiesWithSemicolonsInADelimiterBlock() {
        FakeScripts proc = new FakeScripts().add("p1", List.of(),
                List.of("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END"), List.of("DROP PROCEDURE p"));
        MigrationTarget maria = MigrationTarget.of("crm/acme", "jdbc:mariadb://h/crm").withTenant("acme");

        String sql = OfflineSqlWriter.migration(maria, proc, proc.linearFrom(List.of()), "run-1", "upgrade");

        assertThat(sql).contains("USE `acme`;\n", "INSERT INTO `acme`.`drover_history`",
                "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END\n//\nDELIMITER ;\n",
                "SET statement_count = 1 WHERE revision = 'p1'");
        assertThat(sql).doesNotContain("BEGIN;\n");
    }

    @Test
    void anUndefinedPlaceholderFailsTheWholeScript() {
        assertThatThrownBy(() -> OfflineSqlWriter.migration(pg.withPlaceholders(Map.of()), scripts,
                scripts.linearFrom(List.of()), "run-1", "upgrade")).hasMessageContaining("${tenant}");
    }

    @Test
    void stampWritesOnlyTheVersionRows() {
        String sql = OfflineSqlWriter.stamp(pg, new VersionDelta(List.of(), List.of(), List.of("r2")), "run-1", "stamp r2");

        assertThat(sql).contains("BEGIN;\nINSERT INTO \"acme\".\"drover_version\" (version_num) VALUES ('r2');\n")
                .contains("SET status = 'repaired'").doesNotContain("CREATE TABLE a");
    }
}
