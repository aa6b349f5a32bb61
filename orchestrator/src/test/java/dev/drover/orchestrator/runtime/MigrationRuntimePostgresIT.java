package dev.drover.orchestrator.runtime;

import dev.drover.testing.DatabaseKind;

class MigrationRuntimePostgresIT extends MigrationRuntimeContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
