package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.runtime.MigrationTarget;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An agent's database sessions end within seconds of the agent's loss (process killed, network cut), so the
 * target lock it held is free again by the time its target is reassigned.
 * <ul>
 * <li>PostgreSQL: TCP keepalives on both ends and {@code tcp_user_timeout} on the server (the session-level
 * advisory lock ends with the server's session). A URL that already sets {@code options} or
 * {@code tcpKeepAlive} keeps the user's choice.</li>
 * <li>MariaDB (Connector/J 3): TCP keepalives from the agent's end ({@code tcpKeepAlive}, {@code tcpKeepIdle},
 * {@code tcpKeepInterval}, {@code tcpKeepCount}), so an agent cut off from its server notices within seconds.
 * The server's end follows the server's global {@code tcp_keepalive_time}, {@code tcp_keepalive_interval}
 * and {@code tcp_keepalive_probes}, which no session can set: a {@code GET_LOCK} of a cut-off agent is freed
 * when the server notices. No {@code socketTimeout}: it would end a long migration statement. A URL that
 * already sets any {@code tcpKeep...} keeps the user's choice.</li>
 * </ul>
 * Other databases are left as they are.
 */
final class SessionKeepalive {

    /** PostgreSQL server side: first probe after 5 s idle, every 2 s, 3 misses; unacknowledged data for 10 s ends it. */
    static final String OPTIONS = "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3"
            + " -c tcp_user_timeout=10000";

    /** MariaDB client side: the same probes as PostgreSQL's, in Connector/J's seconds. */
    static final String MARIADB = "tcpKeepAlive=true&tcpKeepIdle=5&tcpKeepInterval=2&tcpKeepCount=3";

    private SessionKeepalive() {}

    static FleetTarget of(FleetTarget target) {
        MigrationTarget t = target.target();
        String url = t.jdbcUrl();
        String keepalive = switch (t.dialect().name()) {
            case "postgresql" -> url.contains("options=") || url.contains("tcpKeepAlive=") ? null
                    : "tcpKeepAlive=true&options=" + URLEncoder.encode(OPTIONS, StandardCharsets.UTF_8).replace("+", "%20");
            case "mariadb" -> url.contains("tcpKeep") ? null : MARIADB;
            default -> null;
        };
        if (keepalive == null) {
            return target;
        }
        String withKeepalive = url + (url.contains("?") ? "&" : "?") + keepalive;
        MigrationTarget changed = t.toBuilder().jdbcUrl(withKeepalive).build();
        return new FleetTarget(changed, target.scripts(), target.server(), target.section(), target.tenant(),
                target.throttle());
    }
}
