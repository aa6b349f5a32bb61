package dev.drover.api;

import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.RolloutPolicy;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.StatementLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How a run moves through the fleet (DESIGN.md section 6): concurrency, failure budget, canary, waves, lock
 * wait and statement limits. Immutable; each method returns a new rollout. {@link #defaults()} is the
 * command line's default: the registry's {@code concurrency}, stop starting targets after the first failure,
 * each section's own lock wait and statement limits.
 */
public final class Rollout {

    private static final Rollout DEFAULTS = new Rollout(null, null, false, 0, 0, null, null, null, null, null, null);

    private final Integer concurrency;
    private final Integer maxFailures;
    private final boolean continueOnError;
    private final int canary;
    private final int waveSize;
    private final Duration lockWait;
    private final Duration lockTimeout;
    private final Integer lockRetries;
    private final Duration statementTimeout;
    private final String tag;
    private final CancelToken cancel;

    private Rollout(Integer concurrency, Integer maxFailures, boolean continueOnError, int canary, int waveSize,
            Duration lockWait, Duration lockTimeout, Integer lockRetries, Duration statementTimeout, String tag,
            CancelToken cancel) {
        this.concurrency = concurrency;
        this.maxFailures = maxFailures;
        this.continueOnError = continueOnError;
        this.canary = canary;
        this.waveSize = waveSize;
        this.lockWait = lockWait;
        this.lockTimeout = lockTimeout;
        this.lockRetries = lockRetries;
        this.statementTimeout = statementTimeout;
        this.tag = tag;
        this.cancel = cancel;
    }

    /** The default rollout. */
    public static Rollout defaults() {
        return DEFAULTS;
    }

    /** @throws IllegalArgumentException unless {@code n >= 1} */
    public Rollout concurrency(int n) {
        require(n >= 1, "concurrency must be at least 1, got " + n);
        return new Rollout(n, maxFailures, continueOnError, canary, waveSize, lockWait, lockTimeout, lockRetries,
                statementTimeout, tag, cancel);
    }

    /**
     * Stop starting targets after more than {@code n} failures (default 0: after the first).
     *
     * @throws IllegalArgumentException if {@code n < 0}, or {@link #continueOnError()} was chosen
     */
    public Rollout maxFailures(int n) {
        require(n >= 0, "maxFailures must not be negative, got " + n);
        require(!continueOnError, "maxFailures and continueOnError exclude each other; choose one");
        return new Rollout(concurrency, n, false, canary, waveSize, lockWait, lockTimeout, lockRetries,
                statementTimeout, tag, cancel);
    }

    /** Never stop the rollout for failures. @throws IllegalArgumentException if maxFailures was set */
    public Rollout continueOnError() {
        require(maxFailures == null, "maxFailures and continueOnError exclude each other; choose one");
        return new Rollout(concurrency, null, true, canary, waveSize, lockWait, lockTimeout, lockRetries,
                statementTimeout, tag, cancel);
    }

    /** Run the first {@code n} targets alone and stop unless all succeed. @throws IllegalArgumentException if negative */
    public Rollout canary(int n) {
        require(n >= 0, "canary must not be negative, got " + n);
        return new Rollout(concurrency, maxFailures, continueOnError, n, waveSize, lockWait, lockTimeout, lockRetries,
                statementTimeout, tag, cancel);
    }

    /** Proceed in waves of {@code n} targets, checking the failure budget between waves. */
    public Rollout waveSize(int n) {
        require(n >= 0, "waveSize must not be negative, got " + n);
        return new Rollout(concurrency, maxFailures, continueOnError, canary, n, lockWait, lockTimeout, lockRetries,
                statementTimeout, tag, cancel);
    }

    /** How long to wait for another run's lock on a target (default: the section's {@code lock_wait}). */
    public Rollout lockWait(Duration wait) {
        require(!wait.isNegative(), "lockWait must not be negative, got " + wait);
        return new Rollout(concurrency, maxFailures, continueOnError, canary, waveSize, wait, lockTimeout, lockRetries,
                statementTimeout, tag, cancel);
    }

    /** How long one statement waits for a table or row lock (zero: no limit); default: the section's. */
    public Rollout lockTimeout(Duration timeout) {
        require(!timeout.isNegative(), "lockTimeout must not be negative, got " + timeout);
        return new Rollout(concurrency, maxFailures, continueOnError, canary, waveSize, lockWait, timeout, lockRetries,
                statementTimeout, tag, cancel);
    }

    /** How often a revision runs again after a lock timeout; default: the section's. */
    public Rollout lockRetries(int retries) {
        require(retries >= 0, "lockRetries must not be negative, got " + retries);
        return new Rollout(concurrency, maxFailures, continueOnError, canary, waveSize, lockWait, lockTimeout, retries,
                statementTimeout, tag, cancel);
    }

    /** How long one statement may run (zero: no limit); default: the section's. */
    public Rollout statementTimeout(Duration timeout) {
        require(!timeout.isNegative(), "statementTimeout must not be negative, got " + timeout);
        return new Rollout(concurrency, maxFailures, continueOnError, canary, waveSize, lockWait, lockTimeout,
                lockRetries, timeout, tag, cancel);
    }

    /**
     * Labels the run with {@code tag} ({@code drover upgrade --tag}): the run id becomes {@code TAG:uuid}, so the
     * tag is in every history row the run writes and in its report, and scripts see it as {@code ${tag}}.
     *
     * @throws IllegalArgumentException naming the tag when it holds other than letters, digits, {@code _ . -} or is
     *                                  longer than 27 characters
     */
    public Rollout tag(String tag) {
        RunOptions.taggedRunId(tag); // validates, so a bad tag fails here and not at the run
        return new Rollout(concurrency, maxFailures, continueOnError, canary, waveSize, lockWait, lockTimeout,
                lockRetries, statementTimeout, tag, cancel);
    }

    /**
     * Cancels the run when {@code token} is cancelled, also before the run started ({@link CancelToken}); the
     * command line's Ctrl-C. Two rollouts are equal only with the same token.
     *
     * @throws NullPointerException if {@code token} is null
     */
    public Rollout cancelledBy(CancelToken token) {
        return new Rollout(concurrency, maxFailures, continueOnError, canary, waveSize, lockWait, lockTimeout,
                lockRetries, statementTimeout, tag, Objects.requireNonNull(token, "token"));
    }

    /** The token of {@link #cancelledBy}, or {@code null}. */
    CancelToken cancelTokenOrNull() {
        return cancel;
    }

    /** The tag of {@link #tag(String)}, or {@code null}. */
    String tagOrNull() {
        return tag;
    }

    /** The lock wait override, or {@code null} for each section's own. */
    Duration lockWaitOverride() {
        return lockWait;
    }

    /** The engine's policy for {@code fleet}: its per-server limits, this rollout's budget. */
    RolloutPolicy policy(Fleet fleet, int configuredConcurrency) {
        return fleet.defaultPolicy(concurrency != null ? concurrency : configuredConcurrency)
                .overriddenBy(maxFailures, continueOnError, canary, waveSize);
    }

    /** A section's statement limits with this rollout's overrides. */
    StatementLimits limits(StatementLimits section) {
        return section.overriddenBy(lockTimeout, lockRetries, statementTimeout);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rollout r && Objects.equals(r.concurrency, concurrency)
                && Objects.equals(r.maxFailures, maxFailures) && r.continueOnError == continueOnError
                && r.canary == canary && r.waveSize == waveSize && Objects.equals(r.lockWait, lockWait)
                && Objects.equals(r.lockTimeout, lockTimeout) && Objects.equals(r.lockRetries, lockRetries)
                && Objects.equals(r.statementTimeout, statementTimeout) && Objects.equals(r.tag, tag) && r.cancel == cancel;
    }

    @Override
    public int hashCode() {
        return Objects.hash(concurrency, maxFailures, continueOnError, canary, waveSize, lockWait, lockTimeout,
                lockRetries, statementTimeout, tag, System.identityHashCode(cancel));
    }

    @Override
    public String toString() {
        return "Rollout[concurrency=" + (concurrency == null ? "configured" : concurrency)
                + ", maxFailures=" + (continueOnError ? "unlimited" : maxFailures == null ? 0 : maxFailures)
                + ", canary=" + canary + ", waveSize=" + waveSize + (tag == null ? "" : ", tag=" + tag) + "]";
    }
}
