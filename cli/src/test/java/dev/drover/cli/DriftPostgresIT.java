package dev.drover.cli;

import dev.drover.testing.DatabaseKind;
import java.util.ArrayList;
import java.util.List;

/** Issue 16 on PostgreSQL: a schema per tenant, created by Drover. */
class DriftPostgresIT extends DriftContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    protected List<String> createTenants(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(String.format("dt%02d", i));
        }
        return names;
    }

    @Override
    protected String sectionLines() {
        return "create_schema = true\n";
    }

    @Override
    protected String qualified(String tenant, String name) {
        return "\"" + tenant + "\"." + name;
    }

    @Override
    protected String[] changeTotalType(String tenant) {
        return new String[] {"DROP VIEW " + qualified(tenant, "big_invoices"),
            "ALTER TABLE " + qualified(tenant, "invoices") + " ALTER COLUMN total TYPE numeric(14,2)",
            "CREATE VIEW " + qualified(tenant, "big_invoices") + " AS SELECT id, total FROM " + qualified(tenant, "invoices")
                    + " WHERE total > 100"};
    }

    @Override
    protected List<String> expectedDifferences() {
        return List.of("extra index ix_invoices_total",
                "column invoices.total: numeric(14,2) not null != numeric(12,2) not null",
                "view big_invoices missing");
    }
}
