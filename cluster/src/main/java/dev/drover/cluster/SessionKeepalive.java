package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.runtime.MigrationTarget;

/**
 * An agent's PostgreSQL sessions end within seconds of the agent's loss (process killed, network cut), so the
 * target lock it held (a session-level advisory lock) is free again by the time its target is reassigned:
 * TCP keepalives on both ends and {@code tcp_user_timeout} on the server. A URL that already sets
 * {@code options} or {@code tcpKeepAlive} keeps the user's choice. Other databases are left as they are.
 */
final class SessionKeepalive {

    /** Server side: first probe after 5 s idle, every 2 s, 3 misses; unacknowledged data for 10 s ends it. */
    static final String OPTIONS = "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3"
            + " -c tcp_user_timeout=10000";

    private SessionKeepalive() {}

    static FleetTarget of(FleetTarget target) {
        MigrationTarget t = target.target();
        String url = t.jdbcUrl();
        if (!"postgresql".equals(t.dialect().name()) || url.contains("options=") || url.contains("tcpKeepAlive=")) {
            return target;
        }
        String keepalive = "tcpKeepAlive=true&options="
                + java.net.URLEncoder.encode(OPTIONS, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        String withKeepalive = url + (url.contains("?") ? "&" : "?") + keepalive;
        MigrationTarget changed = t.toBuilder().jdbcUrl(withKeepalive).build();
        return new FleetTarget(changed, target.scripts(), target.server(), target.section(), target.tenant(),
                target.throttle());
    }
}
