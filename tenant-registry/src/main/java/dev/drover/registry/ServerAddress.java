package dev.drover.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The physical place a JDBC URL points at: the server ({@code host:port}, several for
 * multi-host URLs; the H2 database path for H2) and the database name. Used to detect two targets
 * sharing one version table and to group targets by server.
 *
 * @param server lower-case {@code host:port[,host:port...]}, or {@code h2} for H2
 * @param database the database name (for H2 the URL's database part, e.g. {@code mem:test}); may be empty
 */
record ServerAddress(String server, String database) {

    private static final Pattern NETWORK = Pattern.compile(
            "(?i)^jdbc:(?:postgresql|mariadb|mysql)(?::[a-z]+)?://(?:[^@/?]*@)?([^/?;]*)(?:/([^?;]*))?.*$", Pattern.DOTALL);
    private static final Pattern POSTGRES_SHORT = Pattern.compile("(?i)^jdbc:postgresql:([^/?][^?]*)?(?:\\?.*)?$", Pattern.DOTALL);

    static ServerAddress of(String url, Dialect dialect) {
        if (dialect == Dialect.H2) {
            String rest = url.substring("jdbc:h2:".length());
            int semicolon = rest.indexOf(';');
            return new ServerAddress("h2", semicolon >= 0 ? rest.substring(0, semicolon) : rest);
        }
        Matcher m = NETWORK.matcher(url);
        if (m.matches()) {
            return new ServerAddress(hosts(m.group(1), dialect), m.group(2) == null ? "" : m.group(2));
        }
        Matcher shortForm = POSTGRES_SHORT.matcher(url);
        if (dialect == Dialect.POSTGRESQL && shortForm.matches()) {
            return new ServerAddress("localhost:5432", shortForm.group(1) == null ? "" : shortForm.group(1));
        }
        return new ServerAddress(url.toLowerCase(Locale.ROOT), "");
    }

    private static String hosts(String authority, Dialect dialect) {
        List<String> hosts = new ArrayList<>();
        for (String host : authority.toLowerCase(Locale.ROOT).split(",")) {
            String trimmed = host.isBlank() ? "localhost" : host.trim();
            boolean hasPort = trimmed.startsWith("[") ? trimmed.contains("]:") : trimmed.contains(":");
            hosts.add(hasPort ? trimmed : trimmed + ":" + dialect.defaultPort());
        }
        return String.join(",", hosts);
    }
}
