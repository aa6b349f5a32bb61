package dev.drover.orchestrator.runtime;

import dev.drover.testing.DatabaseKind;

class MigrationRuntimeMariaDbIT extends MigrationRuntimeContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
