package dev.drover.orchestrator.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.drift.SchemaObject.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogTextTest {

    @Test
    void theTenantsSchemaQualifierIsRemovedQuotedOrNot() {
        assertThat(CatalogText.withoutSchema("CREATE INDEX ix ON tenant_7.orders USING btree (created)", "tenant_7"))
                .isEqualTo("CREATE INDEX ix ON orders USING btree (created)");
        assertThat(CatalogText.withoutSchema("SELECT \"T1\".\"ORDERS\".id FROM \"T1\".\"ORDERS\"", "T1"))
                .isEqualTo("SELECT \"ORDERS\".id FROM \"ORDERS\"");
        assertThat(CatalogText.withoutSchema("select `acme`.`o`.`id` from `acme`.`o`", "acme"))
                .isEqualTo("select `o`.`id` from `o`");
        assertThat(CatalogText.withoutSchema("nextval('tenant_7.orders_id_seq'::regclass)", "tenant_7"))
                .isEqualTo("nextval('orders_id_seq'::regclass)");
    }

    @Test
    void aLongerNameThatStartsWithTheSchemaIsLeftAlone() {
        assertThat(CatalogText.withoutSchema("REFERENCES tenant_70.orders(id)", "tenant_7"))
                .isEqualTo("REFERENCES tenant_70.orders(id)");
        assertThat(CatalogText.withoutSchema("x_tenant_7.y", "tenant_7")).isEqualTo("x_tenant_7.y");
    }

    @Test
    void theTenantNameInAStringLiteralBecomesItsPlaceholderButNotInIdentifiers() {
        assertThat(CatalogText.normalise("character varying(100) DEFAULT 'note for acme'::text", "acme", "acme"))
                .isEqualTo("character varying(100) DEFAULT 'note for ${tenant}'::text");
        assertThat(CatalogText.normalise("CHECK (acme > 0 AND note <> 'acme')", "s1", "acme"))
                .isEqualTo("CHECK (acme > 0 AND note <> '${tenant}')");
    }

    @Test
    void droverTablesAndWhatBelongsToThemAreLeftOut() {
        CatalogRows rows = new CatalogRows(Set.of("alembic_version"), Map.of("t1", "t1"));
        rows.add("t1", Kind.TABLE, "", "orders", "");
        rows.add("t1", Kind.TABLE, "", "drover_history", "");
        rows.add("t1", Kind.COLUMN, "drover_history", "revision", "varchar(32)");
        rows.add("t1", Kind.TABLE, "", "alembic_version", "");
        rows.add("t1", Kind.TRIGGER, "ALEMBIC_VERSION", "drover_ledger_stale", "x");
        rows.add("t1", Kind.FUNCTION, "", "drover_ledger_write()", "x");
        rows.add("t2", Kind.TABLE, "", "orders", "");

        Map<String, SchemaFingerprint> fingerprints = rows.fingerprints(List.of("t1", "t2", "t3"));

        assertThat(fingerprints.get("t1").text()).isEqualTo("table orders\n");
        assertThat(fingerprints.get("t1")).isEqualTo(fingerprints.get("t2"));
        assertThat(fingerprints.get("t3").objects()).isEmpty();
    }
}
