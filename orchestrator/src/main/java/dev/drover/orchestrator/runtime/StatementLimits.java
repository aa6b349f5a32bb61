package dev.drover.orchestrator.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one migration statement may wait and run on a live database (issue 14): a statement waits at
 * most {@code lockTimeout} for a lock; on a lock timeout the revision's transaction (or, outside a
 * transaction, the statement) is retried after a backoff up to {@code lockRetries} times; a statement
 * runs at most {@code statementTimeout}. A zero duration turns that limit off (the database's own
 * default applies).
 *
 * @param lockTimeout      per statement lock wait (default 5 s)
 * @param lockRetries      retries after a lock timeout (default 3; 0: fail at the first)
 * @param statementTimeout per statement run time (default 0: none)
 */
public record StatementLimits(Duration lockTimeout, int lockRetries, Duration statementTimeout) {

    /** Short enough that a queued ALTER blocks an application's queries only briefly, long enough for a busy table. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_LOCK_RETRIES = 3;
    public static final StatementLimits DEFAULT = new StatementLimits(DEFAULT_LOCK_TIMEOUT, DEFAULT_LOCK_RETRIES,
            Duration.ZERO);
    /** No limit at all (offline SQL, tests of the plain runner). */
    public static final StatementLimits NONE = new StatementLimits(Duration.ZERO, 0, Duration.ZERO);

    /** @throws IllegalArgumentException for a negative duration or retry count */
    public StatementLimits {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (lockTimeout.isNegative() || statementTimeout.isNegative() || lockRetries < 0) {
            throw new IllegalArgumentException("lock_timeout, lock_retries and statement_timeout must not be negative "
                    + "(got " + seconds(lockTimeout) + ", " + lockRetries + ", " + seconds(statementTimeout)
                    + "); use 0 to turn a limit off");
        }
    }

    public StatementLimits withLockTimeout(Duration timeout) {
        return new StatementLimits(timeout, lockRetries, statementTimeout);
    }

    public StatementLimits withLockRetries(int retries) {
        return new StatementLimits(lockTimeout, retries, statementTimeout);
    }

    public StatementLimits withStatementTimeout(Duration timeout) {
        return new StatementLimits(lockTimeout, lockRetries, timeout);
    }

    /**
     * These limits with a command's overrides applied ({@code --lock-timeout}, {@code --lock-retries},
     * {@code --statement-timeout}, or the Java API's {@code Rollout}); a {@code null} keeps this value.
     */
    public StatementLimits overriddenBy(Duration lockTimeout, Integer lockRetries, Duration statementTimeout) {
        return new StatementLimits(lockTimeout != null ? lockTimeout : this.lockTimeout,
                lockRetries != null ? lockRetries : this.lockRetries,
                statementTimeout != null ? statementTimeout : this.statementTimeout);
    }

    /** A duration as users write it: seconds, with decimals when needed ({@code 5s}, {@code 0.25s}). */
    public static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + "s";
    }
}
