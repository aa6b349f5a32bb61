package dev.drover.api;

import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract of the Java API run against one database kind, subclassed per dialect: the test database is
 * opened on first use and dropped once the class has run (test classes run one after another).
 */
abstract class ApiDatabaseContract {

    private static TestDatabase db;

    @TempDir
    Path dir;

    abstract DatabaseKind kind();

    @BeforeAll
    static void noDatabaseYet() {
        db = null;
    }

    TestDatabase db() {
        if (db == null) {
            db = dev.drover.testing.TestDatabases.open(kind());
        }
        return db;
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }
}
