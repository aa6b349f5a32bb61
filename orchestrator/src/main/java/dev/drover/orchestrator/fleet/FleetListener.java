package dev.drover.orchestrator.fleet;

/**
 * Observes a fleet run. Every call is made on the thread that called {@link FleetRunner#run}, one at a
 * time, so implementations need no synchronisation; they must return quickly. An exception
 * thrown by a listener is ignored (the run goes on).
 */
public interface FleetListener {

    FleetListener NONE = new FleetListener() {};

    /** {@code target} was handed to the runtime (or resolved as a no-op). */
    default void started(FleetTarget target, FleetProgress progress) {}

    /** {@code outcome} is final (succeeded, unchanged or failed); skipped/cancelled ones are not reported here. */
    default void finished(TargetOutcome outcome, FleetProgress progress) {}

    /** A server's throttle was measured again; {@link FleetProgress#throttled()} says which servers wait now. */
    default void throttleChanged(FleetProgress progress) {}
}
