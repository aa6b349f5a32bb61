package dev.drover.orchestrator.fleet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancel switch for a fleet run, safe to flip from any thread (e.g. a Ctrl-C shutdown hook): no new
 * target starts, in-flight targets finish, targets not started are reported {@code cancelled}.
 */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    /** Requests cancellation; idempotent. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            callbacks.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs {@code callback} on cancellation (at once if already cancelled). */
    void onCancel(Runnable callback) {
        callbacks.add(callback);
        if (cancelled.get()) {
            callback.run();
        }
    }
}
