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
     * {@link Drover#current current}, {@link Drover#check check} (a {@link Check#deep deep} one too),
     * {@link Drover#lint lint}, {@link Drover#recover(Selection, boolean) recover}), after the targets are resolved
     * and before anything is read (by the default {@link #join}; a host that overrides it opens through
     * {@link Joined#open} instead); not for {@link Drover#offlineSql offlineSql} (no connection at all),
     * {@link Drover#targetList targetList}, {@link Drover#lintScripts lintScripts}, onboarding or drift.
     * Routes the call's reads and target runs through this host.
     *
     * @param engine the call's engine, for {@link EngineHandle#unwrap}
     * @return the session, closed when the call ends (also when it throws)
     * @throws RuntimeException when the host cannot be reached; the call ends with it before any target was read
     *                          (Drover's own configuration exceptions wrapped in a {@link DroverException})
     */
    Session open(EngineHandle engine);

    /**
     * Called once per call that {@link #open opens} this host, before the call's targets are resolved, with the
     * call's registry (for {@link EngineHandle#unwrap}): a host may join here and list the tenants of
     * {@code query:} sections itself (Drover's cluster coordinator has an agent of each section's zone list them,
     * since the coordinator may reach no database), by answering a {@link EngineHandle#replacedBy replacement}
     * from {@link Joined#registry()}. The default joins nothing: the call resolves with its own registry and
     * {@link #open} is called once the targets are resolved.
     *
     * @param registry the call's registry, for {@link EngineHandle#unwrap}
     * @return the call's use of this host, closed when the call ends (also when it throws, e.g. while resolving)
     * @throws RuntimeException when the host cannot be reached; the call ends with it before any target was
     *                          resolved (Drover's own configuration exceptions wrapped in a {@link DroverException})
     */
    default Joined join(EngineHandle registry) {
        TargetHost host = this;
        return new Joined() {
            @Override
            public EngineHandle registry() {
                return registry;
            }

            @Override
            public Session open(EngineHandle engine) {
                return host.open(engine);
            }

            @Override
            public void close() {
                // nothing joined before the targets were resolved
            }
        };
    }

    /** One call's use of a host from before its targets are resolved ({@link #join}). */
    interface Joined extends AutoCloseable {

        /** The registry the call resolves its targets with: the one given to {@link #join}, or its replacement. */
        EngineHandle registry();

        /**
         * As {@link TargetHost#open}, once the targets are resolved; the session is closed before this.
         *
         * @throws RuntimeException when the host cannot be reached; the call ends with it before any target was read
         */
        Session open(EngineHandle engine);

        /** Leaves the host; must not throw. */
        @Override
        void close();
    }

    /** One call's use of a host. */
    interface Session extends AutoCloseable {

        /** Where each target of the run ran, for its report ({@link Placement#LOCAL} for none). */
        default Placement placement() {
            return Placement.LOCAL;
        }

        /**
         * Where a {@link Drover#dryRun(Operation, Selection, Rollout) dry run}'s targets would run if the run
         * started now (Drover's cluster: the agent of each target's zone that read it), for its plan and SQL
         * headers ({@link Placement#LOCAL} for none).
         */
        default Placement planned() {
            return Placement.LOCAL;
        }

        /** Leaves the host; must not throw. */
        @Override
        void close();
    }
}
