package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class RunControlH2IT extends RunControlContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
