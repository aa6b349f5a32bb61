package dev.drover.cli;

import dev.drover.testing.DatabaseKind;

class MigrationCommandsMariaDbIT extends MigrationCommandsContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
