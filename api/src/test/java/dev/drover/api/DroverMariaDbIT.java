package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class DroverMariaDbIT extends DroverContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
