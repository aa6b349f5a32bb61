package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class DroverReadsH2IT extends DroverReadsContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
