package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class DatabasePerTenantOnboardingMariaDbIT extends DatabasePerTenantOnboardingContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
