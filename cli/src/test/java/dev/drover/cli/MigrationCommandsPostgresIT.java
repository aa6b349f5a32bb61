package dev.drover.cli;

import dev.drover.testing.DatabaseKind;

class MigrationCommandsPostgresIT extends MigrationCommandsContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
