package dev.drover.orchestrator.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.drift.SchemaObject.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepairSqlTest {

    private static final SchemaObject INDEX = new SchemaObject(Kind.INDEX, "orders", "ix_orders_created",
            "CREATE INDEX ix_orders_created ON orders USING btree (created)");
    private static final SchemaObject VIEW = new SchemaObject(Kind.VIEW, "", "big", "SELECT id FROM orders");

    @Test
    void indexesAndViewsAreRepairedMechanically() {
        List<SchemaDifference> differences = List.of(new SchemaDifference(INDEX, null), new SchemaDifference(null, INDEX),
                new SchemaDifference(VIEW, null));
        assertThat(new RepairSql(n -> "\"" + n + "\"", false).statements(differences)).containsExactly(
                "CREATE INDEX ix_orders_created ON orders USING btree (created);",
                "DROP INDEX \"ix_orders_created\";",
                "CREATE VIEW \"big\" AS SELECT id FROM orders;");
        assertThat(RepairSql.mechanical(differences)).isTrue();
    }

    @Test
    void mariaDbDropsAnIndexOnItsTable() {
        assertThat(new RepairSql(n -> "`" + n + "`", true).statements(List.of(new SchemaDifference(null, INDEX))))
                .containsExactly("DROP INDEX `ix_orders_created` ON `orders`;");
    }

    @Test
    void aChangedColumnIsNeverGuessedAndSaysSo() {
        SchemaObject old = new SchemaObject(Kind.COLUMN, "invoices", "total", "numeric(12,2)");
        SchemaObject now = new SchemaObject(Kind.COLUMN, "invoices", "total", "numeric(14,2)");
        List<SchemaDifference> differences = List.of(new SchemaDifference(old, now));
        assertThat(new RepairSql(n -> n, false).statements(differences)).singleElement().asString()
                .startsWith("-- not mechanical: column invoices.total: numeric(14,2) != numeric(12,2)")
                .contains("write it as a revision");
        assertThat(RepairSql.mechanical(differences)).isFalse();
    }
}
