package dev.drover.orchestrator.runtime;

import dev.drover.testing.DatabaseKind;

class MigrationRuntimeH2IT extends MigrationRuntimeContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
