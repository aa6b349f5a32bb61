package dev.drover.orchestrator.runtime;

/**
 * Asked by the step runner before each revision but the first of a target (only where the previous one has
 * committed): the fleet's throttle for the target's server. It may block the target's own thread until the
 * server is below its limits again.
 */
public interface RevisionGate {

    /** Never waits. */
    RevisionGate OPEN = () -> null;

    /**
     * Returns once the next revision may start ({@code null}), or why the target must stop here (its server
     * stayed throttled for longer than allowed); the target then ends {@code throttled} with the revisions
     * committed so far.
     */
    String await();
}
