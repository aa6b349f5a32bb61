package dev.drover.orchestrator.fleet;

import java.util.HashMap;
import java.util.Map;

/**
 * How a fleet run proceeds (docs/cli.md).
 *
 * <ul>
 *   <li>{@code concurrency}: at most this many targets run at once (global limit);</li>
 *   <li>{@code serverLimits} / {@code defaultServerLimit}: at most this many targets of one server run at
 *       once ({@code max_connections}); {@code 0} default means only the global limit applies;</li>
 *   <li>{@code maxFailures}: after more than this many failures no new target starts (in-flight ones
 *       finish, the rest are {@code skipped}); the default {@code 0} stops after the first failure;</li>
 *   <li>{@code continueOnError}: never stop for failures;</li>
 *   <li>{@code canary}: the first N targets run alone (within the limits); unless all of them end
 *       without failure, nothing else starts;</li>
 *   <li>{@code waveSize}: the remaining targets run in waves of N; a wave starts only when the previous one
 *       has finished entirely and the failure budget still holds ({@code 0}: one wave).</li>
 * </ul>
 * The failure budget is also checked as each target finishes, so a failing wave stops early.
 */
public record RolloutPolicy(int concurrency, Map<String, Integer> serverLimits, int defaultServerLimit,
        int maxFailures, boolean continueOnError, int canary, int waveSize) {

    public RolloutPolicy {
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, got " + concurrency
                    + "; pass a positive number");
        }
        positive("--max-failures", maxFailures);
        positive("--canary", canary);
        positive("--wave-size", waveSize);
        positive("max_connections", defaultServerLimit);
        serverLimits = Map.copyOf(serverLimits);
        serverLimits.forEach((server, limit) -> {
            if (limit < 1) {
                throw new IllegalArgumentException("max_connections for '" + server + "' must be at least 1, got "
                        + limit + "; fix it in drover.ini");
            }
        });
    }

    /** Concurrency 4, no per-server limit, stop after the first failure, no canary, one wave. */
    public static RolloutPolicy defaults() {
        return new RolloutPolicy(4, Map.of(), 0, 0, false, 0, 0);
    }

    public RolloutPolicy withConcurrency(int n) {
        return new RolloutPolicy(n, serverLimits, defaultServerLimit, maxFailures, continueOnError, canary, waveSize);
    }

    /** Limits one server ({@link FleetTarget#server()}) to {@code n} targets at once. */
    public RolloutPolicy withServerLimit(String server, int n) {
        Map<String, Integer> limits = new HashMap<>(serverLimits);
        limits.put(server, n);
        return new RolloutPolicy(concurrency, limits, defaultServerLimit, maxFailures, continueOnError, canary, waveSize);
    }

    /** Limits every server without an explicit limit to {@code n} targets at once ({@code 0}: none). */
    public RolloutPolicy withDefaultServerLimit(int n) {
        return new RolloutPolicy(concurrency, serverLimits, n, maxFailures, continueOnError, canary, waveSize);
    }

    public RolloutPolicy withMaxFailures(int n) {
        return new RolloutPolicy(concurrency, serverLimits, defaultServerLimit, n, false, canary, waveSize);
    }

    public RolloutPolicy withContinueOnError() {
        return new RolloutPolicy(concurrency, serverLimits, defaultServerLimit, maxFailures, true, canary, waveSize);
    }

    public RolloutPolicy withCanary(int n) {
        return new RolloutPolicy(concurrency, serverLimits, defaultServerLimit, maxFailures, continueOnError, n, waveSize);
    }

    public RolloutPolicy withWaveSize(int n) {
        return new RolloutPolicy(concurrency, serverLimits, defaultServerLimit, maxFailures, continueOnError, canary, n);
    }

    /**
     * This policy with a command's rollout options applied, the command line's and the Java API's alike:
     * {@code maxFailures} when not {@code null}, {@code continueOnError} when {@code true}, {@code canary} and
     * {@code waveSize} when positive; anything else keeps this policy's value.
     */
    public RolloutPolicy overriddenBy(Integer maxFailures, boolean continueOnError, int canary, int waveSize) {
        RolloutPolicy policy = this;
        if (maxFailures != null) {
            policy = policy.withMaxFailures(maxFailures);
        }
        if (continueOnError) {
            policy = policy.withContinueOnError();
        }
        if (canary > 0) {
            policy = policy.withCanary(canary);
        }
        if (waveSize > 0) {
            policy = policy.withWaveSize(waveSize);
        }
        return policy;
    }

    /** The limit of one server, or {@link Integer#MAX_VALUE} when none applies. */
    public int serverLimit(String server) {
        Integer explicit = serverLimits.get(server);
        if (explicit != null) {
            return explicit;
        }
        return defaultServerLimit > 0 ? defaultServerLimit : Integer.MAX_VALUE;
    }

    /** Whether {@code failures} failures exceed the budget. */
    public boolean budgetExceeded(int failures) {
        return !continueOnError && failures > maxFailures;
    }

    private static void positive(String option, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(option + " must not be negative, got " + value + "; pass 0 or more");
        }
    }
}
