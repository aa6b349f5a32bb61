package dev.drover.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the real-database test ground works: each server is reached and the isolated database is the current one. */
@ExtendWith(DatabaseExtension.class)
class DatabaseConnectivityIT {

    @Test
    void postgresIsReachableAndIsolated(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws SQLException {
        assertThat(scalar(db, "SELECT current_database()")).isEqualTo(db.name());
    }

    @Test
    void mariadbIsReachableAndIsolated(@Database(DatabaseKind.MARIADB) TestDatabase db) throws SQLException {
        assertThat(scalar(db, "SELECT DATABASE()")).isEqualTo(db.name());
    }

    @Test
    void h2IsAlwaysAvailable(@Database(DatabaseKind.H2) TestDatabase db) throws SQLException {
        assertThat(scalar(db, "SELECT 1")).isEqualTo("1");
    }

    private static String scalar(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
