package dev.drover.orchestrator.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The pause before a lock-timeout retry: exponential ({@code base * 2^(retry-1)}, at most {@code cap}) with
 * "equal jitter" (half of it fixed, half random), so targets that timed out together on one busy table do
 * not come back in lockstep. Random source and sleep are injected so tests never sleep.
 */
public final class Backoff {

    /** Sleeps (or, in tests, records) a pause. */
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    public static final Duration DEFAULT_BASE = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(30);

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;
    private final Sleeper sleeper;

    /**
     * @param random values in {@code [0, 1)}
     * @throws IllegalArgumentException when {@code base} is negative or {@code cap} below it
     */
    public Backoff(Duration base, Duration cap, DoubleSupplier random, Sleeper sleeper) {
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff base " + base + " must be >= 0 and <= cap " + cap);
        }
        this.base = base;
        this.cap = cap;
        this.random = Objects.requireNonNull(random, "random");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** 1 s doubling up to 30 s, thread-local randomness, a real sleep. */
    public static Backoff standard() {
        return new Backoff(DEFAULT_BASE, DEFAULT_CAP, () -> ThreadLocalRandom.current().nextDouble(),
                pause -> Thread.sleep(pause.toMillis()));
    }

    /** The pause before retry number {@code retry} (1-based): between half and all of the capped exponential. */
    public Duration delay(int retry) {
        long ceiling = base.toMillis();
        for (int i = 1; i < retry && ceiling < cap.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(ceiling - half + (long) (random.getAsDouble() * (half + 1)));
    }

    /**
     * Waits {@link #delay(int)}; returns {@code false} when interrupted (the interrupt flag is restored and
     * the caller gives up instead of retrying).
     */
    boolean pause(int retry) {
        try {
            sleeper.sleep(delay(retry));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
