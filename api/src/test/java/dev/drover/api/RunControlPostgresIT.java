package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class RunControlPostgresIT extends RunControlContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
