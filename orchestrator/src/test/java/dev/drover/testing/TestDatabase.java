package dev.drover.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An isolated, randomly named database on a real server (or in-memory H2), dropped on
 * {@link #close()}. {@link #url()} carries the credentials as URL parameters, so tests can hand it
 * to Drover unchanged; extra databases (two-phase groups, database-per-tenant) come from
 * {@link #createDatabase(String)} and are dropped too.
 */
public final class TestDatabase implements AutoCloseable {

    /** {@code jdbc:<driver>://host[:port]/<database>[?params]}. */
    private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?]+)/?([^?]*)(\\?.*)?$");

    private final DatabaseKind kind;
    private final String adminUrl;
    private final String name;
    private final String url;
    private final List<String> extraDatabases = new ArrayList<>();

    private TestDatabase(DatabaseKind kind, String adminUrl, String name, String url) {
        this.kind = kind;
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = url;
    }

    static TestDatabase create(DatabaseKind kind, String adminUrl, String name) {
        if (kind == DatabaseKind.H2) {
            return new TestDatabase(kind, adminUrl, name, adminUrl);
        }
        TestDatabase db = new TestDatabase(kind, adminUrl, name, withDatabase(adminUrl, name));
        db.execAdmin("CREATE DATABASE " + name);
        return db;
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** The database's name (also the schema name on MariaDB). */
    public String name() {
        return name;
    }

    /** JDBC URL of this database, credentials included as parameters. */
    public String url() {
        return url;
    }

    /** The URL of another database on the same server, e.g. for a {@code {tenant}} template. */
    public String urlOf(String database) {
        return withDatabase(adminUrl, database);
    }

    /** A new connection to this database (caller closes it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Creates another randomly named database on the same server; dropped with this one. Returns its name. */
    public String createDatabase(String prefix) {
        if (kind == DatabaseKind.H2) {
            throw new UnsupportedOperationException("H2 test databases are in-memory; open another with TestDatabases.open");
        }
        String extra = prefix + "_" + name.substring(name.lastIndexOf('_') + 1);
        execAdmin("CREATE DATABASE " + extra);
        extraDatabases.add(extra);
        return extra;
    }

    /** Runs SQL statements on this database in autocommit mode. */
    public void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }

    @Override
    public void close() {
        if (kind == DatabaseKind.H2) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
            return;
        }
        for (String extra : extraDatabases) {
            dropQuietly(extra);
        }
        dropQuietly(name);
    }

    private void dropQuietly(String database) {
        try {
            if (kind == DatabaseKind.POSTGRES) {
                execAdmin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } else {
                execAdmin("DROP DATABASE IF EXISTS " + database);
            }
        } catch (RuntimeException e) {
            System.err.println("could not drop test database '" + database + "': " + e.getMessage());
        }
    }

    private void execAdmin(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("admin statement failed on " + kind + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    static String withDatabase(String serverUrl, String database) {
        Matcher m = SERVER_URL.matcher(serverUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot parse test server URL (expected jdbc:<driver>://host:port/db?params)");
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    @Override
    public String toString() {
        return kind + " test database '" + name + "'";
    }
}
