package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class ScriptsHistoryPostgresIT extends ScriptsHistoryContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
