package dev.drover.api;

import dev.drover.testing.DatabaseKind;

class RunControlMariaDbIT extends RunControlContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
