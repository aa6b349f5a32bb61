package dev.drover.orchestrator.fleet;

import java.util.concurrent.CompletionStage;

/**
 * Runs one throttle probe on a target's server, asynchronously (never on the coordinating thread). The
 * production implementation is {@link RuntimeThrottleProbe}; a cluster's coordinator asks agents; tests plug in
 * fakes.
 */
public interface ThrottleProbe {

    /**
     * The probe's number; the stage fails when the query fails or answers no number (the server then gives
     * up: nothing runs on a server whose load cannot be measured).
     *
     * @param via any target of the server (its connection settings are used, no tenant is selected)
     */
    CompletionStage<Double> measure(FleetTarget via, Throttle.Probe probe);
}
