package dev.drover.orchestrator.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When a server is too busy for more migration work (issue 14): each probe is a query answering one
 * number; while any answer is above its {@code max}, no new target starts on that server and running
 * targets wait between revisions. A server that stays throttled for {@code maxWait} gives up: its remaining
 * targets end {@code throttled}.
 *
 * @param probes   what is measured (at least one)
 * @param maxWait  how long a server may stay throttled before its remaining targets fail
 * @param interval how long one measurement holds: at most one probe per server per interval
 */
public record Throttle(List<Probe> probes, Duration maxWait, Duration interval) {

    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    /**
     * One measurement.
     *
     * @param name how reports name it: {@code throttle_query}, {@code replication lag}
     * @param sql  a query answering one number in its first row and column
     * @param max  the largest value that still lets work start
     */
    public record Probe(String name, String sql, double max) {
        public Probe {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sql, "sql");
        }
    }

    /** PostgreSQL: the largest replay lag of the server's replicas, in seconds (0 without replicas). */
    public static Probe replicationLag(double maxSeconds) {
        return new Probe("replication lag", "SELECT COALESCE(MAX(EXTRACT(EPOCH FROM replay_lag)), 0) "
                + "FROM pg_stat_replication", maxSeconds);
    }

    public Throttle {
        probes = List.copyOf(probes);
        if (probes.isEmpty()) {
            throw new IllegalArgumentException("a throttle needs at least one probe");
        }
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(interval, "interval");
    }

    public Throttle(List<Probe> probes, Duration maxWait) {
        this(probes, maxWait, DEFAULT_INTERVAL);
    }
}
