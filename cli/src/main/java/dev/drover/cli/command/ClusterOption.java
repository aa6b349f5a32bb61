package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.FleetListener;
import dev.drover.api.TargetHost;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CommandContext;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.report.Placement;
import io.micronaut.context.BeanProvider;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --cluster}: run the command as the coordinator of the {@code [cluster]} of drover.ini. Without it no
 * cluster class is loaded (the cluster code is reached only through {@link #attach} and {@link #host}).
 */
final class ClusterOption {

    @Option(names = "--cluster", description = "Join the [cluster] of drover.ini as coordinator: read and run each"
            + " target on an agent of its zone ('drover agent'), with the same rollout and one report.")
    boolean cluster;

    private Supplier<Placement> placement = () -> Placement.LOCAL;

    /**
     * With {@code --cluster}, joins the cluster and makes {@code fleet} read and run through its agents; the
     * returned handle leaves the cluster. Without it, does nothing.
     */
    Attached attach(CommandContext drover, Fleet fleet) {
        if (!cluster) {
            return () -> { };
        }
        dev.drover.cli.cluster.CoordinatorSession session = dev.drover.cli.cluster.CoordinatorSession.join(drover, fleet);
        placement = session;
        return session::close;
    }

    /**
     * With {@code --cluster}, the API's {@link TargetHost}: each call joins the cluster as coordinator and reads and
     * runs its targets through the agents, and leaves it when the call ends; the report names each target's node.
     * Without it, {@code null} (this process).
     */
    TargetHost host(CommandContext drover) {
        if (!cluster) {
            return null;
        }
        return engine -> {
            dev.drover.cli.cluster.CoordinatorSession session =
                    dev.drover.cli.cluster.CoordinatorSession.join(drover, engine.unwrap(Fleet.class));
            return new TargetHost.Session() {
                @Override
                public Placement placement() {
                    return session.get();
                }

                @Override
                public void close() {
                    session.close();
                }
            };
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

    /** Leaves the cluster (nothing for a local run). */
    interface Attached extends AutoCloseable {
        @Override
        void close();
    }

    /** Where the targets ran (a local run: {@link Placement#LOCAL}). */
    Placement placement() {
        return placement.get();
    }
}
