package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class DroverReadsMariaDbIT extends DroverReadsContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
