package dev.drover.registry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs discovery queries with plain JDBC ({@link DriverManager}), passing the section's
 * {@code user} and {@code password} as connection properties when set. When the url depends on
 * {@code {tenant}}, the query runs on {@code discovery_url}, or else on the url with its
 * {@code {tenant}} database replaced by none (MariaDB) or {@code postgres} (PostgreSQL).
 */
public final class JdbcTenantDiscovery implements TenantDiscovery {

    /** {@code jdbc:...//authority/} then the database path, then parameters. */
    private static final Pattern URL = Pattern.compile("^(jdbc:[^/]*//[^/?;]*/)([^?;]*)(.*)$", Pattern.DOTALL);

    private final Duration queryTimeout;
    private final Connector connector;

    /** How a discovery query gets its connection: the driver, or an application's own pool for that URL. */
    @FunctionalInterface
    public interface Connector {
        /**
         * A new connection to {@code url}; the caller closes it.
         *
         * @param properties {@code user} and {@code password} when the section has them
         * @throws SQLException when no connection can be had
         */
        Connection open(String url, Properties properties) throws SQLException;
    }

    /** Discovery with a 30 second query timeout, through {@link DriverManager}. */
    public JdbcTenantDiscovery() {
        this(Duration.ofSeconds(30));
    }

    /** @param queryTimeout the statement timeout of each discovery query */
    public JdbcTenantDiscovery(Duration queryTimeout) {
        this(queryTimeout, DriverManager::getConnection);
    }

    /**
     * @param queryTimeout the statement timeout of each discovery query
     * @param connector    where connections come from (e.g. the data source an embedding application lent)
     */
    public JdbcTenantDiscovery(Duration queryTimeout, Connector connector) {
        this.queryTimeout = queryTimeout;
        this.connector = java.util.Objects.requireNonNull(connector, "connector");
    }

    @Override
    public List<String> discover(DatabaseSection section, TenantSource.FromQuery query) {
        String url = discoveryUrl(section);
        Properties properties = new Properties();
        if (section.user() != null) {
            properties.setProperty("user", section.user());
        }
        if (!section.password().isEmpty()) {
            properties.setProperty("password", section.password().reveal());
        }
        try (Connection connection = connector.open(url, properties);
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, queryTimeout.toSeconds()));
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(query.sql())) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    names.add(name == null ? "" : name);
                }
            }
            return names;
        } catch (SQLException e) {
            throw new DiscoveryException(query.where() + ": discovering the tenants of section [" + section.name()
                    + "] on '" + UrlMasker.mask(url) + "' failed: "
                    + UrlMasker.sanitize(e.getMessage(), List.of(section.password()))
                    + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")")
                    + "; check the server, the credentials and the query", e.getSQLState());
        }
    }

    /**
     * @param section a section whose tenants come from a query
     * @return the URL the discovery query runs on
     * @throws ConfigException if the url depends on {@code {tenant}} in a way that leaves no URL to
     *                         run the query on and {@code discovery_url} is not set
     */
    public static String discoveryUrl(DatabaseSection section) {
        if (section.discoveryUrl() != null) {
            return section.discoveryUrl();
        }
        if (!section.url().contains("{tenant}")) {
            return section.url();
        }
        Matcher m = URL.matcher(section.url());
        if (m.matches() && !m.group(1).contains("{tenant}") && !m.group(3).contains("{tenant}")) {
            if (section.dialect() == Dialect.MARIADB) {
                return m.group(1) + m.group(3);
            }
            if (section.dialect() == Dialect.POSTGRESQL) {
                return m.group(1) + "postgres" + m.group(3);
            }
        }
        throw new ConfigException(section.tenants().where() + ": section [" + section.name()
                + "] discovers its tenants with a query but its url depends on '{tenant}'; set 'discovery_url' "
                + "to the URL the query should run on");
    }
}
