package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class DatabasePerTenantOnboardingPostgresIT extends DatabasePerTenantOnboardingContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
