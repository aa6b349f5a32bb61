package dev.drover.faults;

import dev.drover.testing.DatabaseKind;

class LiveFleetPostgresIT extends LiveFleetContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    protected String createTenants(String prefix) throws Exception {
        tenants.clear();
        for (int i = 1; i <= 3; i++) {
            tenants.add(prefix + "_tenant_" + i);
            db.execute("CREATE SCHEMA " + tenants.get(i - 1));
        }
        return String.join(", ", tenants);
    }

    @Override
    protected String dangerousStatement() {
        return "CREATE INDEX accounts_name ON accounts (name)";
    }

    @Override
    protected String dangerousRule() {
        return "create-index-not-concurrently";
    }
}
