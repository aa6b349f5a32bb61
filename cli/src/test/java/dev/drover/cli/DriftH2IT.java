package dev.drover.cli;

import dev.drover.testing.DatabaseKind;
import java.util.ArrayList;
import java.util.List;

/** Issue 16 on H2: a schema per tenant in one embedded database, created by Drover. */
class DriftH2IT extends DriftContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.H2;
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

    /** Drover quotes the tenant schema (lower case sticks); the scripts' unquoted names are upper case. */
    @Override
    protected String qualified(String tenant, String name) {
        return "\"" + tenant + "\"." + name.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    protected String[] changeTotalType(String tenant) {
        return new String[] {"ALTER TABLE " + qualified(tenant, "invoices") + " ALTER COLUMN TOTAL SET DATA TYPE NUMERIC(14,2)"};
    }

    @Override
    protected List<String> expectedDifferences() {
        return List.of("extra index IX_INVOICES_TOTAL",
                "column INVOICES.TOTAL: NUMERIC(14,2) not null != NUMERIC(12,2) not null",
                "view BIG_INVOICES missing");
    }
}
