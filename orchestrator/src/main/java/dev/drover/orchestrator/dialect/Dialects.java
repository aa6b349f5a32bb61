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
        if (jdbcUrl != null) {
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return POSTGRES;
            }
            if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
                return MARIADB;
            }
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                return H2;
            }
        }
        throw new IllegalArgumentException("unsupported database URL '" + prefixOf(jdbcUrl)
                + "...': Drover supports 'jdbc:postgresql:', 'jdbc:mariadb:', 'jdbc:mysql:' and 'jdbc:h2:'; "
                + "fix the 'url' of this section");
    }

    private static String prefixOf(String url) {
        if (url == null) {
            return "";
        }
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second < 0 ? url.substring(0, Math.min(url.length(), 12)) : url.substring(0, second + 1);
    }
}
