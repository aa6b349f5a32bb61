package dev.drover.orchestrator.lock;

/** A lock held on a target; {@link #close()} releases it (and never throws). */
public interface HeldLock extends AutoCloseable {
    @Override
    void close();
}
