package dev.drover.cli;

import dev.drover.testing.DatabaseKind;

class MigrationCommandsH2IT extends MigrationCommandsContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
