package dev.drover.api;

import java.util.List;

/**
 * Observes a fleet run: each target as it starts and as it ends. Calls come one at a time from the thread
 * that called {@link Drover#upgrade}, so implementations need no synchronisation; they must return quickly.
 * An exception thrown by {@link #targetStarted}, {@link #targetFinished} or {@link #throttleChanged} is ignored
 * (the run goes on); one thrown by {@link #lint} refuses the call (see there).
 */
public interface FleetListener {

    /** Listens to nothing. */
    FleetListener NONE = new FleetListener() {};

    /** {@code event.target()} was handed to the engine (or resolved as a no-op); {@code event.status()} is null. */
    default void targetStarted(TargetEvent event) {}

    /** {@code event.target()} ended {@code succeeded}, {@code unchanged} or failed (any failure status). */
    default void targetFinished(TargetEvent event) {}

    /**
     * The servers whose throttle holds targets back changed ({@code event.throttled()}); {@code event.target()},
     * {@code section()}, {@code tenant()} and {@code status()} are null, the counts are the run's at that moment.
     */
    default void throttleChanged(TargetEvent event) {}

    /**
     * Before an upgrade or downgrade ({@link Drover#run run} or {@link Drover#dryRun(Operation, Selection, Rollout)
     * dryRun}) reads or changes any target: the dangerous statements ({@code drover lint}) among the revisions it
     * would execute, judged by each target's dialect, silenced ones included (their
     * {@link LintFinding#silenced()} is set); called also when the list is empty. Reading the targets' revisions
     * for this is the read the run uses too. An exception thrown here ends the call before any target changed and
     * reaches its caller unchanged (Drover's own configuration, graph and script exceptions wrapped in a
     * {@link DroverException}): the way to refuse a run on open findings ({@code drover upgrade --strict}).
     */
    default void lint(List<LintFinding> findings) {}

    /**
     * Something the application should know that does not stop the call: a tenant name rejected and left
     * alone (the name is never sent to a database), an unknown registry key, an ignored script file.
     */
    default void warning(String message) {}
}
