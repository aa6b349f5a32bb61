package dev.drover.api;

import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract of the Java API run against one database kind, subclassed per dialect: the test database is
 * opened on first use and dropped once the class has run (test classes run one after another), and the tenant
 * schemas (MariaDB: databases) a test names with {@link #tenant} are dropped after it.
 */
abstract class ApiDatabaseContract {

    private static TestDatabase db;
    private final List<String> tenantsToDrop = new ArrayList<>();

    @TempDir
    Path dir;

    abstract DatabaseKind kind();

    @BeforeAll
    static void noDatabaseYet() {
        db = null;
    }

    TestDatabase db() {
        if (db == null) {
            db = TestDatabases.open(kind());
        }
        return db;
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @AfterEach
    void dropTenants() throws SQLException {
        for (String tenant : tenantsToDrop) {
            if (schemaExists(tenant)) {
                db().execute(kind() == DatabaseKind.MARIADB ? "DROP DATABASE `" + tenant + "`"
                        : "DROP SCHEMA \"" + tenant + "\" CASCADE");
            }
        }
    }

    /** A tenant name unique to this test database (MariaDB tenants are databases on a shared server). */
    String tenant(String name) {
        String unique = db().name() + "_" + name;
        tenantsToDrop.add(unique);
        return unique;
    }

    boolean schemaExists(String schema) throws SQLException {
        String sql = kind() == DatabaseKind.POSTGRES ? "SELECT 1 FROM pg_namespace WHERE nspname = '" + schema + "'"
                : "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = '" + schema + "'";
        try (Connection c = db().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }
}
