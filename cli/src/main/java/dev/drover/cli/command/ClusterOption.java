package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.report.Placement;
import dev.drover.registry.Registry;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * {@code --cluster}: run the command as the coordinator of the {@code [cluster]} of drover.ini. Without it no
 * cluster class is loaded (the cluster code is reached only through {@link #join}).
 */
final class ClusterOption {

    @Option(names = "--cluster", description = "Join the [cluster] of drover.ini as coordinator: read and run each"
            + " target on an agent of its zone ('drover agent'), with the same rollout and one report.")
    boolean cluster;

    private Supplier<Placement> placement = () -> Placement.LOCAL;
    private Supplier<Placement> planned = () -> Placement.LOCAL;
    /** Once joined: makes a fleet read and run through the agents. */
    private UnaryOperator<Fleet> attacher;
    private UnaryOperator<Registry> registryFor = UnaryOperator.identity();

    /**
     * With {@code --cluster}, joins the cluster and finds its agents, before any target is resolved (a
     * {@code query:} section's tenants are listed by an agent: {@link #registry}); the returned handle leaves
     * the cluster. Without it, does nothing.
     */
    Attached join(CommandContext drover) {
        if (!cluster || attacher != null) {
            return () -> { };
        }
        dev.drover.cli.cluster.CoordinatorSession session = dev.drover.cli.cluster.CoordinatorSession.join(drover);
        placement = session;
        planned = session::planned;
        attacher = session::attach;
        registryFor = session::registry;
        return session::close;
    }

    /** The registry to resolve targets with: with {@code --cluster}, {@code query:} tenants listed by agents. */
    Registry registry(CommandContext drover) {
        return registryFor.apply(drover.workspace().registry());
    }

    /** With {@code --cluster} (after {@link #join}), makes {@code fleet} read and run through the agents. */
    Fleet attach(Fleet fleet) {
        return attacher == null ? fleet : attacher.apply(fleet);
    }

    /**
     * With {@code --cluster}, joins the cluster (unless joined) and makes {@code fleet} read and run through its
     * agents; the returned handle leaves the cluster. Without it, does nothing.
     */
    Attached attach(CommandContext drover, Fleet fleet) {
        Attached joined = join(drover);
        attach(fleet);
        return joined;
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

    /** Where a dry run's targets would run: the agent that read each (a local run: {@link Placement#LOCAL}). */
    Placement plannedPlacement() {
        return planned.get();
    }
}
