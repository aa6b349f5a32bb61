package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class DroverReadsPostgresIT extends DroverReadsContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
