package dev.drover.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-way switch that cancels the runs it is given to ({@link Rollout#cancelledBy(CancelToken)}), as Ctrl-C
 * does on the command line: no new target starts, targets already running finish (or roll back), the others
 * are reported {@code cancelled}, and the run's {@link FleetReport#exitCode()} is 130. Unlike
 * {@link Drover#cancel()}, it also reaches a run that has not started yet: a run whose token is already
 * cancelled when it starts changes no target and reports each one {@code cancelled} (the refusals before a run,
 * such as a broken script, still come first). Thread-safe; {@link #cancel()} may be called from any thread,
 * e.g. a shutdown hook. One token may serve several runs.
 */
public final class CancelToken {

    private final List<Runnable> callbacks = new ArrayList<>();
    private boolean cancelled;

    /** A token not cancelled yet. */
    public CancelToken() {}

    /** Cancels every run given this token, now and later; idempotent. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(callbacks);
            callbacks.clear();
        }
        toRun.forEach(Runnable::run);
    }

    /** Whether {@link #cancel()} was called. */
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code callback} on cancellation, at once when already cancelled; the returned handle forgets it
     * (a finished run must not be kept reachable by a long-lived token).
     */
    Runnable onCancel(Runnable callback) {
        synchronized (this) {
            if (!cancelled) {
                callbacks.add(callback);
                return () -> {
                    synchronized (this) {
                        callbacks.remove(callback);
                    }
                };
            }
        }
        callback.run();
        return () -> { };
    }

    @Override
    public String toString() {
        return "CancelToken[" + (isCancelled() ? "cancelled" : "armed") + "]";
    }
}
