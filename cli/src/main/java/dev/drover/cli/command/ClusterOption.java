package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.report.Placement;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --cluster}: run the command as the coordinator of the {@code [cluster]} of drover.ini. Without it no
 * cluster class is loaded (the cluster code is reached only through {@link #attach}).
 */
final class ClusterOption {

    @Option(names = "--cluster", description = "Join the [cluster] of drover.ini as coordinator: read and run each"
            + " target on an agent of its zone ('drover agent'), with the same rollout and one report.")
    boolean cluster;

    private Supplier<Placement> placement = () -> Placement.LOCAL;
    private Supplier<Placement> planned = () -> Placement.LOCAL;

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
        planned = session::planned;
        return session::close;
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
