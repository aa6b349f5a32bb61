package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class DroverPostgresIT extends DroverContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
