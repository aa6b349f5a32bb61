package dev.drover.faults;

import dev.drover.testing.DatabaseKind;

class LiveFleetMariaDbIT extends LiveFleetContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    protected String createTenants(String prefix) throws Exception {
        tenants.clear();
        for (int i = 1; i <= 3; i++) {
            tenants.add(db.createDatabase(prefix + i));
        }
        return String.join(", ", tenants);
    }

    @Override
    protected String dangerousStatement() {
        return "ALTER TABLE accounts MODIFY COLUMN name VARCHAR(40)";
    }

    @Override
    protected String dangerousRule() {
        return "mariadb-modify-column";
    }
}
