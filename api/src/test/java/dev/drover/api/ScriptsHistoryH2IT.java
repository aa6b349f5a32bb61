package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class ScriptsHistoryH2IT extends ScriptsHistoryContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
