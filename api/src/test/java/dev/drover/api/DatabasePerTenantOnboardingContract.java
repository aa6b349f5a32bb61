package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Onboarding where each tenant is a database of its own ({@code {tenant}} in the url): the database is created
 * through the section's maintenance connection, migrated, and dropped again when the migration fails; {@code
 * offboard} with {@code drop} drops it. Subclassed for PostgreSQL and MariaDB (H2 creates databases itself).
 */
abstract class DatabasePerTenantOnboardingContract extends ApiDatabaseContract {

    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() throws SQLException {
        for (String name : databases) {
            if (databaseExists(name)) {
                admin(kind() == DatabaseKind.POSTGRES ? "DROP DATABASE \"" + name + "\" WITH (FORCE)"
                        : "DROP DATABASE `" + name + "`");
            }
        }
    }

    private String tenant(String name) {
        String unique = db().name() + "_" + name;
        databases.add(unique);
        return unique;
    }

    private Drover drover(String secondUpgrade) throws IOException {
        return Drover.configure()
                .section(Section.named("shop").url(db().urlOf("{tenant}")).tenants(List::of).createSchema(true)
                        .versionLocations(DroverContract.versions(dir, secondUpgrade)))
                .placeholder("region", "eu")
                .load();
    }

    @Test
    void onboardingCreatesTheTenantsDatabaseAndMigratesItToHead() throws Exception {
        String newco = tenant("newco");
        try (Drover drover = drover("CREATE TABLE invoices (id INT PRIMARY KEY);")) {
            Onboarding onboarding = drover.onboard("shop", newco);

            assertThat(onboarding.succeeded()).isTrue();
            assertThat(onboarding.created()).isTrue();
            assertThat(onboarding.home()).isEqualTo("database");
            assertThat(databaseExists(newco)).isTrue();
            assertThat(query(newco, "SELECT note FROM accounts WHERE id = 1")).isEqualTo(newco + " eu");
            assertThat(query(newco, "SELECT version_num FROM drover_version")).isEqualTo(DroverContract.R2);

            Onboarding again = drover.onboard("shop", newco);
            assertThat(again.created()).as("the second onboarding finds the database").isFalse();
            assertThat(again.report().summary().unchanged()).isEqualTo(1);
        }
    }

    @Test
    void aFailureHalfWayDropsTheDatabaseItCreated() throws Exception {
        String broken = tenant("broken");
        try (Drover drover = drover("CREATE TABLE invoices (id INT PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);")) {
            Onboarding onboarding = drover.onboard("shop", broken);

            assertThat(onboarding.succeeded()).isFalse();
            assertThat(onboarding.created()).isTrue();
            assertThat(onboarding.rolledBack()).isTrue();
            assertThat(onboarding.leftBehind()).isNull();
            assertThat(onboarding.report().targets().get(0).error().revision()).isEqualTo(DroverContract.R2);
            assertThat(databaseExists(broken)).isFalse();
        }
    }

    @Test
    void offboardingWithDropDropsTheDatabaseAndWithoutItOnlyReports() throws Exception {
        String leaving = tenant("leaving");
        try (Drover drover = drover("CREATE TABLE invoices (id INT PRIMARY KEY);")) {
            assertThat(drover.onboard("shop", leaving).succeeded()).isTrue();

            Offboarding dryRun = drover.offboard("shop", leaving, false);
            assertThat(dryRun.existed()).isTrue();
            assertThat(dryRun.dropped()).isFalse();
            assertThat(databaseExists(leaving)).isTrue();

            Offboarding removed = drover.offboard("shop", leaving, true);
            assertThat(removed.home()).isEqualTo("database");
            assertThat(removed.name()).isEqualTo(leaving);
            assertThat(removed.dropped()).isTrue();
            assertThat(databaseExists(leaving)).isFalse();
        }
    }

    private String adminUrl() {
        return db().urlOf(kind() == DatabaseKind.POSTGRES ? "postgres" : "");
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private boolean databaseExists(String name) throws SQLException {
        String sql = kind() == DatabaseKind.POSTGRES ? "SELECT 1 FROM pg_database WHERE datname = '" + name + "'"
                : "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = '" + name + "'";
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private String query(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db().urlOf(database)); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
