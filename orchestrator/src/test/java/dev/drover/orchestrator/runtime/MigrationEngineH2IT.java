package dev.drover.orchestrator.runtime;

import dev.drover.testing.DatabaseKind;

class MigrationEngineH2IT extends MigrationEngineContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    @Override
    protected String expectedHolderText() {
        return "'drover holder-run' in this process";
    }
}
