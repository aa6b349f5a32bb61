package dev.drover.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small SQL snippets tests need per database kind, and plain JDBC calls on a URL, in one place. */
public final class TestSql {

    private TestSql() {}

    /** The first column of every row {@code sql} returns on a new connection to {@code url}. */
    public static List<String> column(String url, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Runs {@code sql} on a new autocommit connection to {@code url}. */
    public static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Makes {@code tenant} (a schema; MariaDB: a database) current in a plain JDBC session. */
    public static String use(DatabaseKind kind, String tenant) {
        return switch (kind) {
            case POSTGRES -> "SET search_path TO \"" + tenant + "\"";
            case MARIADB -> "USE `" + tenant + "`";
            case H2 -> "SET SCHEMA \"" + tenant + "\"";
        };
    }

    /** Answers the server's id of the current session (PostgreSQL pid, MariaDB connection id, H2 session id). */
    public static String sessionId(DatabaseKind kind) {
        return switch (kind) {
            case POSTGRES -> "SELECT pg_backend_pid()";
            case MARIADB -> "SELECT CONNECTION_ID()";
            case H2 -> "SELECT SESSION_ID()";
        };
    }

    /**
     * A statement that runs for {@code seconds}.
     *
     * @throws UnsupportedOperationException on H2, which has no sleep function
     */
    public static String sleep(DatabaseKind kind, int seconds) {
        return switch (kind) {
            case POSTGRES -> "SELECT pg_sleep(" + seconds + ")";
            case MARIADB -> "SELECT SLEEP(" + seconds + ")";
            case H2 -> throw new UnsupportedOperationException("H2 has no sleep function");
        };
    }
}
