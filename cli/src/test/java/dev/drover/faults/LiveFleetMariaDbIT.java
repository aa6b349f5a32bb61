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
}
