package dev.drover.registry;

import java.util.Locale;
import java.util.Optional;

/** The database kinds Drover supports, derived from the JDBC URL prefix. */
public enum Dialect {
    /** {@code jdbc:postgresql:} */
    POSTGRESQL("postgresql", 5432),
    /** {@code jdbc:mariadb:} and {@code jdbc:mysql:} */
    MARIADB("mariadb", 3306),
    /** {@code jdbc:h2:} */
    H2("h2", 0);

    /** The supported prefixes, for error messages. */
    public static final String SUPPORTED_PREFIXES = "'jdbc:postgresql:', 'jdbc:mariadb:', 'jdbc:mysql:', 'jdbc:h2:'";

    private final String id;
    private final int defaultPort;

    Dialect(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
    }

    /** @return the lower-case name used in output and by the orchestrator: postgresql, mariadb or h2 */
    public String id() {
        return id;
    }

    /** @return the server's default TCP port (0 for H2) */
    public int defaultPort() {
        return defaultPort;
    }

    /**
     * @param url a JDBC URL
     * @return the dialect of the URL, or empty if its prefix is not supported
     */
    public static Optional<Dialect> of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return Optional.of(MARIADB);
        }
        if (lower.startsWith("jdbc:h2:")) {
            return Optional.of(H2);
        }
        return Optional.empty();
    }
}
