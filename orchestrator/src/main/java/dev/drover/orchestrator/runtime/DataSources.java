package dev.drover.orchestrator.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Where the runtime's connections come from: an application's own {@link DataSource} registered for a JDBC
 * URL (an embedding application lends its pool), else {@link DriverManager}. Connections borrowed from a data
 * source are closed (handed back to it) when the runtime is done with them. Thread-safe.
 */
public final class DataSources {

    private record Lent(DataSource source, int users) {}

    private static final Map<String, Lent> BY_URL = new HashMap<>();

    private DataSources() {}

    /**
     * Makes connections to {@code url} come from {@code source} until the returned handle is closed.
     *
     * @throws IllegalStateException when another data source is registered for {@code url}
     */
    public static synchronized AutoCloseable lend(String url, DataSource source) {
        Lent current = BY_URL.get(url);
        if (current != null && current.source() != source) {
            throw new IllegalStateException("another data source already serves '" + url
                    + "'; close the Drover instance that lent it, or lend the same data source");
        }
        BY_URL.put(url, new Lent(source, current == null ? 1 : current.users() + 1));
        return () -> giveBack(url);
    }

    private static synchronized void giveBack(String url) {
        Lent current = BY_URL.get(url);
        if (current != null) {
            if (current.users() <= 1) {
                BY_URL.remove(url);
            } else {
                BY_URL.put(url, new Lent(current.source(), current.users() - 1));
            }
        }
    }

    /**
     * A new connection to {@code url}: from its lent data source (credentials ignored), else the driver.
     *
     * @throws SQLException when the data source or the driver cannot connect
     */
    public static Connection open(String url, Properties credentials) throws SQLException {
        DataSource source;
        synchronized (DataSources.class) {
            Lent lent = BY_URL.get(url);
            source = lent == null ? null : lent.source();
        }
        return source != null ? source.getConnection() : DriverManager.getConnection(url, credentials);
    }
}
