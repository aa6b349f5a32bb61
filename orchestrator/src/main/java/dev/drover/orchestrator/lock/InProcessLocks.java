package dev.drover.orchestrator.lock;

import dev.drover.orchestrator.store.SqlSession;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * H2 (embedded, one process): an in-process lock per identity. A semaphore rather than a
 * ReentrantLock because the releasing thread need not be the acquiring one.
 */
final class InProcessLocks implements TargetLocks {

    static final InProcessLocks INSTANCE = new InProcessLocks();

    private final Map<String, Semaphore> locks = new ConcurrentHashMap<>();
    private final Map<String, String> holders = new ConcurrentHashMap<>();

    private InProcessLocks() {}

    @Override
    public HeldLock acquire(LockIdentity identity, SqlSession session, Duration wait, String holderLabel) {
        String text = identity.text();
        Semaphore semaphore = locks.computeIfAbsent(text, t -> new Semaphore(1));
        boolean acquired;
        try {
            acquired = semaphore.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a target lock", e);
        }
        if (!acquired) {
            throw new LockTimeoutException(identity.targetKey(), wait,
                    "'" + holders.getOrDefault(text, "another run") + "' in this process");
        }
        holders.put(text, holderLabel);
        return () -> {
            holders.remove(text);
            semaphore.release();
        };
    }

    @Override
    public boolean needsSession() {
        return false;
    }
}
