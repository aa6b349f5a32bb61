package dev.drover.api;

import dev.drover.orchestrator.report.Placement;

/**
 * Where a call's target reads and target runs happen when they do not happen in this process: Drover's own
 * cluster coordinator ({@code drover upgrade --cluster}) is one, plugged in with {@link DroverBuilder#host}. The
 * rollout (concurrency, failure budget, canary, waves, cancellation) and the report stay with the caller; only
 * the work on each target moves.
 *
 * <p>This is an extension point for Drover's modules, not for applications: the host reaches the engine through
 * {@link EngineHandle#unwrap}, whose types are internal and may change between versions.
 */
@FunctionalInterface
public interface TargetHost {

    /**
     * Called once per call that reads or runs targets ({@link Drover#run run} and its shorthands,
     * {@link Drover#dryRun(Operation, Selection, Rollout) dryRun}, {@link Drover#status(Selection) status},
     * {@link Drover#current current}, {@link Drover#check check} (not a {@link Check#deep deep} one),
     * {@link Drover#lint lint}), after the targets are resolved and before anything is read; not for
     * {@link Drover#offlineSql offlineSql} (no connection at all), {@link Drover#targetList targetList},
     * {@link Drover#lintScripts lintScripts}, onboarding, drift or recovery.
     * Routes the call's reads and target runs through this host.
     *
     * @param engine the call's engine, for {@link EngineHandle#unwrap}
     * @return the session, closed when the call ends (also when it throws)
     * @throws RuntimeException when the host cannot be reached; the call ends with it before any target was read
     *                          (Drover's own configuration exceptions wrapped in a {@link DroverException})
     */
    Session open(EngineHandle engine);

    /** One call's use of a host. */
    interface Session extends AutoCloseable {

        /** Where each target of the run ran, for its report ({@link Placement#LOCAL} for none). */
        default Placement placement() {
            return Placement.LOCAL;
        }

        /** Leaves the host; must not throw. */
        @Override
        void close();
    }
}
