package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class DroverH2IT extends DroverContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
