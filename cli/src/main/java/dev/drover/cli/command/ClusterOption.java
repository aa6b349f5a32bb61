package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.FleetListener;
import dev.drover.api.TargetHost;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CommandContext;
import io.micronaut.context.BeanProvider;
import java.util.function.Function;
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
        java.io.PrintWriter err = drover.environment().err();
        return dev.drover.clusterhost.ClusterHost.coordinator(drover.options().quiet() ? line -> { } : err::println);
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
