package dev.drover.api;

import java.util.Objects;

/**
 * The engine behind one call, handed to a {@link TargetHost}; opaque to applications. As with
 * {@link java.sql.Wrapper}, {@link #unwrap} gives Drover's own modules the internal object they extend; which
 * types it answers to is not part of the published API and may change between versions.
 */
public final class EngineHandle {

    private final Object engine;

    EngineHandle(Object engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * The engine object as {@code type}.
     *
     * @throws IllegalArgumentException when the engine is not a {@code type}
     */
    public <T> T unwrap(Class<T> type) {
        if (!type.isInstance(engine)) {
            throw new IllegalArgumentException("this engine is not a " + type.getName() + "; a TargetHost of another"
                    + " Drover version? Use the host that ships with this drover-api");
        }
        return type.cast(engine);
    }

    /**
     * A handle on {@code replacement}, an object of the same class as this one's engine: a {@link TargetHost} that
     * wraps what it was handed (e.g. a registry whose tenant discovery goes through the host) answers it.
     *
     * @throws IllegalArgumentException when {@code replacement} is not of this engine's class
     */
    public EngineHandle replacedBy(Object replacement) {
        if (replacement == null || replacement.getClass() != engine.getClass()) {
            throw new IllegalArgumentException("a replacement for this " + engine.getClass().getSimpleName()
                    + " must be one, got " + (replacement == null ? "null" : replacement.getClass().getName())
                    + "; wrap the object unwrap(...) answered");
        }
        return new EngineHandle(replacement);
    }

    /** Whether {@link #unwrap} answers {@code type}. */
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(engine);
    }

    @Override
    public String toString() {
        return "EngineHandle[" + engine.getClass().getSimpleName() + "]";
    }
}
