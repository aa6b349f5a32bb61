package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class ScriptsHistoryMariaDbIT extends ScriptsHistoryContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
