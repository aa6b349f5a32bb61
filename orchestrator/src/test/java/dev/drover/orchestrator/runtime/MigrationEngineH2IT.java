package dev.drover.orchestrator.runtime;

import dev.drover.testing.DatabaseKind;

class MigrationEngineH2IT extends MigrationEngineContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    /** H2 has no separate client; RUNSCRIPT is its own script runner. */
    @Override
    protected void runClient(java.nio.file.Path file) throws Exception {
        db.execute("RUNSCRIPT FROM '" + file.toString().replace("'", "''") + "'");
    }

    @Override
    protected String expectedHolderText() {
        return "'drover holder-run' in this process";
    }
}
