package dev.drover.orchestrator.runtime;

import dev.drover.testing.DatabaseKind;

class MigrationEnginePostgresIT extends MigrationEngineContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    protected String expectedHolderText() {
        return "application 'drover holder-run'";
    }
}
