package com.example.signup;

import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The example on PostgreSQL: the application's data source lent to Drover, a schema per tenant. */
class SignupServicePostgresIT extends SignupContract {

    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabases.open(DatabaseKind.POSTGRES);
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    String url() {
        return db.url();
    }
}
