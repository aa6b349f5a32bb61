package dev.drover.orchestrator.dialect;

/** Chooses the {@link Dialect} from a JDBC URL prefix. */
public final class Dialects {

    public static final Dialect POSTGRES = new PostgresDialect();
    public static final Dialect MARIADB = new MariaDbDialect();
    public static final Dialect H2 = new H2Dialect();

    private Dialects() {}

    /**
     * The dialect for {@code jdbcUrl}.
     *
     * @throws IllegalArgumentException for any other prefix; the message names the supported ones
     *                                  and never repeats the URL (it may hold credentials)
     */
    public static Dialect forUrl(String jdbcUrl) {
        // Prefixes are matched ignoring case, as the registry does when it validates a section's url
        // and as the JDBC drivers themselves accept them.
        String lower = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database URL '" + prefixOf(jdbcUrl)
                + "...': Drover supports 'jdbc:postgresql:', 'jdbc:mariadb:', 'jdbc:mysql:' and 'jdbc:h2:'; "
                + "fix the 'url' of this section");
    }

    /**
     * The dialect whose {@link Dialect#name()} is {@code name} ({@code postgresql}, {@code mariadb},
     * {@code h2}): the registry has already told the kind from the url, so its targets are never
     * parsed a second time.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Dialect named(String name) {
        for (Dialect dialect : new Dialect[] {POSTGRES, MARIADB, H2}) {
            if (dialect.name().equals(name)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + name + "': use 'postgresql', 'mariadb' or 'h2'");
    }

    private static String prefixOf(String url) {
        if (url == null) {
            return "";
        }
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second < 0 ? url.substring(0, Math.min(url.length(), 12)) : url.substring(0, second + 1);
    }
}
