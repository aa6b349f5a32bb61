package dev.drover.clusterhost;

import dev.drover.api.DroverBuilder;
import dev.drover.api.EngineHandle;
import dev.drover.api.TargetHost;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.report.Placement;
import dev.drover.registry.Registry;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Drover's cluster as the Java API's {@link TargetHost}: what {@code drover ... --cluster} does, for an application.
 * Each call of the {@link dev.drover.api.Drover} that reads or runs targets joins the {@code [cluster]} of the
 * registry as coordinator, has an agent of each {@code query:} section's zone list its tenants, reads, runs,
 * checks and recovers ({@link dev.drover.api.Drover#recover(dev.drover.api.Selection, boolean) recover}: this
 * machine's two-phase journal) through a live agent of each target's zone, and leaves the cluster when the call
 * ends. The rollout (concurrency, failure budget, canary, waves, cancellation) and the report stay with the
 * caller; each target's report names the agent that ran it.
 *
 * <pre>{@code
 * try (Drover drover = Drover.configure().registry(Path.of("drover.ini"))
 *         .host(ClusterHost.coordinator(System.err::println)).load()) {
 *     FleetReport report = drover.upgrade("head", Selection.all(), Rollout.defaults());
 * }
 * }</pre>
 *
 * <p>The registry must have a {@code [cluster]} section with the same {@code key} as the agents' ({@code drover
 * agent}); a section's {@code zone} says which agents may run its targets. Joining takes about two seconds (the
 * agents' answers are awaited) per call. Immutable and thread-safe; every call joins on its own.
 */
public final class ClusterHost implements TargetHost {

    private final Consumer<String> notices;

    private ClusterHost(Consumer<String> notices) {
        this.notices = notices;
    }

    /**
     * A host that joins as coordinator.
     *
     * @param notices hears one line per call naming the cluster and the agents that answered (and how many other
     *                members did not answer with this node's key), e.g. {@code System.err::println}
     * @throws NullPointerException when {@code notices} is {@code null} (pass {@code line -> { }} for none)
     */
    public static ClusterHost coordinator(Consumer<String> notices) {
        return new ClusterHost(Objects.requireNonNull(notices, "notices"));
    }

    /**
     * Joins the registry's cluster; the returned use lists {@code query:} tenants through the agents.
     *
     * @throws dev.drover.registry.ConfigException when the registry has no usable {@code [cluster]} section (the
     *                                             Drover call reports it as a {@link dev.drover.api.DroverException})
     * @throws IllegalStateException               when this node cannot join the cluster
     */
    @Override
    public Joined join(EngineHandle registry) {
        CoordinatorSession session = CoordinatorSession.join(registry.unwrap(Registry.class), notices);
        return new Joined() {
            @Override
            public EngineHandle registry() {
                return registry.replacedBy(session.registry(registry.unwrap(Registry.class)));
            }

            @Override
            public Session open(EngineHandle engine) {
                session.attach(engine.unwrap(Fleet.class));
                return new Session() {
                    @Override
                    public Placement placement() {
                        return session.get();
                    }

                    @Override
                    public Placement planned() {
                        return session.planned();
                    }

                    @Override
                    public void close() {
                        // the cluster is left when the call ends (Joined.close)
                    }
                };
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    /**
     * Not used: a {@link dev.drover.api.Drover} always {@link #join joins} first, before its targets are resolved.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Session open(EngineHandle engine) {
        throw new UnsupportedOperationException("ClusterHost joins before the targets are resolved; hand it to "
                + DroverBuilder.class.getSimpleName() + ".host(...) instead of opening it directly");
    }
}
