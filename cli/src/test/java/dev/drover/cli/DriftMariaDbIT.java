package dev.drover.cli;

import dev.drover.testing.DatabaseKind;
import java.util.ArrayList;
import java.util.List;

/** Issue 16 on MariaDB: a database per tenant on one server, selected with USE. */
class DriftMariaDbIT extends DriftContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    protected List<String> createTenants(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(db.createDatabase(String.format("dt%02d", i)));
        }
        return names;
    }

    @Override
    protected String sectionLines() {
        return "";
    }

    @Override
    protected String qualified(String tenant, String name) {
        return "`" + tenant + "`." + name;
    }

    @Override
    protected String[] changeTotalType(String tenant) {
        return new String[] {"ALTER TABLE " + qualified(tenant, "invoices") + " MODIFY total DECIMAL(14,2) NOT NULL"};
    }

    @Override
    protected List<String> expectedDifferences() {
        return List.of("extra index ix_invoices_total",
                "column invoices.total: decimal(14,2) not null != decimal(12,2) not null",
                "view big_invoices missing");
    }
}
