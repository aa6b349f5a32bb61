package dev.drover.api;

import java.util.List;

/**
 * Receives offline SQL ({@link Drover#offlineSql(Operation, Selection, Rollout, SqlSink)}) one target at a time,
 * as soon as it is written, so a fleet of any size never holds more than one target's SQL in memory. Calls come
 * one at a time from the calling thread. An exception thrown here ends the call and reaches its caller
 * unchanged (e.g. an {@link java.io.UncheckedIOException} for a file that cannot be written).
 */
@FunctionalInterface
public interface SqlSink {

    /**
     * Called once, before any SQL, with every selected target in rollout order (each will be passed to
     * {@link #accept}); e.g. to decide whether to write a header per target.
     */
    default void begin(List<TargetInfo> targets) {}

    /**
     * The SQL {@code target} would execute, as one script; empty when the target has nothing to do.
     */
    void accept(TargetInfo target, String sql);
}
