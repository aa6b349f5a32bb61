package dev.drover.registry;

import java.time.Duration;

/**
 * A section's settings for migrating while its tenants are in use (issue 14), defaults applied.
 *
 * @param lockTimeout       {@code lock_timeout}: how long one statement waits for a lock (seconds, decimals;
 *                          default 5; 0 turns it off)
 * @param lockRetries       {@code lock_retries}: runs after a lock timeout (default 3)
 * @param statementTimeout  {@code statement_timeout}: how long one statement may run (default 0: no limit)
 * @param throttleQuery     {@code throttle_query}: SQL answering one number, or {@code null}
 * @param throttleMax       {@code throttle_max}: the largest answer that lets work start (set with throttle_query)
 * @param maxReplicationLag {@code max_replication_lag}: seconds (PostgreSQL), or {@code null}
 * @param throttleWait      {@code throttle_wait}: how long a server may stay throttled before its remaining
 *                          targets fail (default 300 s)
 */
public record LiveSettings(Duration lockTimeout, int lockRetries, Duration statementTimeout, String throttleQuery,
        Double throttleMax, Double maxReplicationLag, Duration throttleWait) {

    public static final LiveSettings DEFAULT = new LiveSettings(Duration.ofSeconds(5), 3, Duration.ZERO, null, null,
            null, Duration.ofMinutes(5));

    /** Whether the section throttles its servers. */
    public boolean throttled() {
        return throttleQuery != null || maxReplicationLag != null;
    }
}
