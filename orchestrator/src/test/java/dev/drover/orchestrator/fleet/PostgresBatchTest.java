package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.store.HistoryRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresBatchTest {

    private static final String URL = "jdbc:postgresql://h:5432/app";

    private final List<MigrationTarget> targets = List.of(
            MigrationTarget.of("s/plain", URL).withTenant("plain"),
            MigrationTarget.of("s/odd", URL).withTenant("we\"ird'o"),
            MigrationTarget.of("s/alembic", URL).withTenant("legacy").withTables("alembic_version", null, "drover_history"));
    private final PostgresBatch batch = new PostgresBatch(Dialects.forUrl(URL), targets);

    @Test
    void catalogQueryAsksForEachTargetsTablesWithEscapedLiterals() {
        assertThat(batch.catalogQuery()).contains("('plain', 'drover_version'), ('plain', 'drover_history'), "
                + "('we\"ird''o', 'drover_version'), ('we\"ird''o', 'drover_history'), ('legacy', 'alembic_version'), "
                + "('legacy', 'drover_history')").contains("to_regclass(quote_ident(s) || '.' || quote_ident(t))");
    }

    @Test
    void theOptimisticQueryReadsBothTablesOfEveryTarget() {
        String sql = batch.dataQuery(table -> true);

        assertThat(sql.split("\nUNION ALL ")).hasSize(6);
        assertThat(sql).contains("FROM \"legacy\".\"alembic_version\"", "FROM \"we\"\"ird'o\".\"drover_history\"");
    }

    @Test
    void dataQueryReadsOnlyExistingTablesWithQuotedIdentifiers() {
        String sql = batch.dataQuery(Set.of("plain\0drover_version", "plain\0drover_history", "we\"ird'o\0drover_version",
                "legacy\0drover_version")::contains);

        assertThat(sql.split("\nUNION ALL ")).hasSize(3);
        assertThat(sql).contains("FROM \"plain\".\"drover_version\"", "FROM \"plain\".\"drover_history\"",
                "FROM \"we\"\"ird'o\".\"drover_version\"").doesNotContain("legacy").doesNotContain("\"we\"\"ird'o\".\"drover_history\"");
        assertThat(sql).startsWith("SELECT 0, 'v', CAST(version_num AS text)");
        assertThat(batch.dataQuery(table -> false)).isNull();
    }

    @Test
    void rowsBecomeStatesAndTargetsWithoutTablesAreAtBase() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(0, "v", "b2", null, null, null, null, null, null));
        rows.add(row(0, "v", "a1", null, null, null, null, null, null));
        rows.add(row(0, "h", "x3", "upgrade", "v1:sha256:x", "started", "1", "r2", null));
        rows.add(row(0, "h", "b2", "upgrade", "v1:sha256:b", "done", "2", "r1", "2026-01-01 10:00:00.5"));
        rows.add(row(0, "h", "a1", "upgrade", "v1:sha256:a", "done", "1", "r1", "2026-01-01 10:00:00"));
        rows.add(row(2, "v", "c3", null, null, null, null, null, null));

        Map<String, TargetState> states = batch.states(rows);

        assertThat(states.get("s/plain").heads()).containsExactly("a1", "b2");
        assertThat(states.get("s/plain").history()).extracting(HistoryRow::revision).containsExactly("a1", "b2", "x3");
        assertThat(states.get("s/odd").heads()).isEmpty();
        assertThat(states.get("s/odd").history()).isEmpty();
        assertThat(states.get("s/alembic").heads()).containsExactly("c3");
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
