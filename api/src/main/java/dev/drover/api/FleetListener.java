package dev.drover.api;

/**
 * Observes a fleet run: each target as it starts and as it ends. Calls come one at a time from the thread
 * that called {@link Drover#upgrade}, so implementations need no synchronisation; they must return quickly.
 * An exception thrown by a listener is ignored (the run goes on).
 */
public interface FleetListener {

    /** Listens to nothing. */
    FleetListener NONE = new FleetListener() {};

    /** {@code event.target()} was handed to the engine (or resolved as a no-op); {@code event.status()} is null. */
    default void targetStarted(TargetEvent event) {}

    /** {@code event.target()} ended {@code succeeded}, {@code unchanged} or failed (any failure status). */
    default void targetFinished(TargetEvent event) {}

    /**
     * Something the application should know that does not stop the call: a tenant name rejected and left
     * alone (the name is never sent to a database), an unknown registry key, an ignored script file.
     */
    default void warning(String message) {}
}
