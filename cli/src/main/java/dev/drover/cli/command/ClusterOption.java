package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.EngineHandle;
import dev.drover.api.FleetListener;
import dev.drover.api.TargetHost;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CommandContext;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.report.Placement;
import dev.drover.registry.Registry;
import io.micronaut.context.BeanProvider;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --cluster}: run the command as the coordinator of the {@code [cluster]} of drover.ini. Without it no
 * cluster class is loaded (the cluster code is reached only through {@link #host}).
 */
final class ClusterOption {

    @Option(names = "--cluster", description = "Join the [cluster] of drover.ini as coordinator: read and run each"
            + " target on an agent of its zone ('drover agent'), with the same rollout and one report.")
    boolean cluster;

    /** The option as given by a command that declares {@code --cluster} with words of its own ({@code recover}). */
    static ClusterOption enabled(boolean cluster) {
        ClusterOption option = new ClusterOption();
        option.cluster = cluster;
        return option;
    }

    /**
     * With {@code --cluster}, the API's {@link TargetHost}: each call joins the cluster as coordinator before its
     * targets are resolved (an agent of each {@code query:} section's zone lists its tenants), reads and runs its
     * targets through the agents (their settings, throttles, fingerprints and deep reads too), and leaves the
     * cluster when the call ends; the report names each target's node, a dry run the node that would run it.
     * Without it, {@code null} (this process).
     */
    TargetHost host(CommandContext drover) {
        if (!cluster) {
            return null;
        }
        return new TargetHost() {
            @Override
            public TargetHost.Joined join(EngineHandle registry) {
                dev.drover.cli.cluster.CoordinatorSession session =
                        dev.drover.cli.cluster.CoordinatorSession.join(drover);
                return new Joined() {
                    @Override
                    public EngineHandle registry() {
                        return registry.replacedBy(session.registry(registry.unwrap(Registry.class)));
                    }

                    @Override
                    public Session open(EngineHandle engine) {
                        session.attach(engine.unwrap(Fleet.class));
                        return hosted(session, session::planned, () -> { }); // left when the call ends (close)
                    }

                    @Override
                    public void close() {
                        session.close();
                    }
                };
            }

            @Override
            public Session open(EngineHandle engine) {
                // the API calls join(...) first; open alone joins once the targets are resolved
                dev.drover.cli.cluster.CoordinatorSession session =
                        dev.drover.cli.cluster.CoordinatorSession.join(drover, engine.unwrap(Fleet.class));
                return hosted(session, session::planned, session::close);
            }
        };
    }

    /**
     * One call's session on the joined cluster: the placement it reports; {@code leave} when the call ends. Takes no
     * cluster type, so that loading this class (without {@code --cluster}) loads none.
     */
    private static TargetHost.Session hosted(Supplier<Placement> placement, Supplier<Placement> planned,
            Runnable leave) {
        return new TargetHost.Session() {
            @Override
            public Placement placement() {
                return placement.get();
            }

            @Override
            public Placement planned() {
                return planned.get();
            }

            @Override
            public void close() {
                leave.run();
            }
        };
    }

    /**
     * Makes a read command's one API call: on the injected facade, or with {@code --cluster} on a facade of this
     * command whose reads go through the agents ({@link #host}), closed after the call.
     */
    <T> T read(CommandContext drover, BeanProvider<Drover> local, Function<Drover, T> call) {
        if (!cluster) {
            return call.apply(local.get());
        }
        try (Drover hosted = ApiClient.open(drover, FleetListener.NONE, host(drover))) {
            return call.apply(hosted);
        }
    }

}
