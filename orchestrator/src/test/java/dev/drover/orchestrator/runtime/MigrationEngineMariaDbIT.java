package dev.drover.orchestrator.runtime;

import dev.drover.testing.DatabaseKind;

class MigrationEngineMariaDbIT extends MigrationEngineContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    protected String expectedHolderText() {
        return "MariaDB connection id";
    }
}
