package dev.drover.cli.command;

import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.runtime.StatementLimits;
import dev.drover.registry.OfflineTenants;
import dev.drover.registry.Registry;
import dev.drover.registry.ResolvedTargets;
import dev.drover.registry.Selection;
import dev.drover.registry.Shard;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Turns the global selection options ({@code --name}, {@code --tenant}) and {@code --shard} into targets. */
final class TargetSelection {

    private TargetSelection() {}

    /** Resolves the selection, reporting rejected tenants and configuration warnings on stderr. */
    static ResolvedTargets resolve(CommandContext drover, String shard) {
        return resolve(drover, drover.workspace().registry(), shard, null);
    }

    /** @param offline the tenants of {@code query:} sections for offline SQL, or {@code null} to discover them */
    private static ResolvedTargets resolve(CommandContext drover, Registry registry, String shard,
            OfflineTenants offline) {
        Selection selection = new Selection(drover.options().names(), drover.options().tenants(),
                shard == null ? null : Shard.parse(shard), offline);
        ResolvedTargets resolved = registry.targets(selection);
        PrintWriter err = drover.environment().err();
        resolved.rejected().forEach(r -> err.println("WARNING: tenant '" + r.name() + "' of section '" + r.section()
                + "' rejected and left alone: " + r.reason()));
        resolved.warnings().forEach(w -> err.println("WARNING: " + w));
        return resolved;
    }

    /**
     * @throws CliException when the selection matches no target (exit 2)
     */
    static Fleet fleet(CommandContext drover, String shard, Duration lockWait) {
        return fleet(drover, shard, lockWait, null, UnaryOperator.identity());
    }

    /**
     * As {@link #fleet(CommandContext, String, Duration)}; with {@code offline}, no connection is opened
     * to list tenants ({@code --sql}); {@code limits} applies the command line's lock and statement
     * timeouts to each section's.
     */
    static Fleet fleet(CommandContext drover, String shard, Duration lockWait, OfflineTenants offline,
            UnaryOperator<StatementLimits> limits) {
        return fleet(drover, drover.workspace().registry(), shard, lockWait, offline, limits);
    }

    /**
     * As {@link #fleet(CommandContext, String, Duration, OfflineTenants, UnaryOperator)}, resolving the targets
     * with {@code registry} ({@code --cluster}: one whose {@code query:} tenants are listed by agents).
     */
    static Fleet fleet(CommandContext drover, Registry registry, String shard, Duration lockWait,
            OfflineTenants offline, UnaryOperator<StatementLimits> limits) {
        ResolvedTargets resolved = resolve(drover, registry, shard, offline);
        if (resolved.targets().isEmpty()) {
            throw CliException.usage("No target matches the selection; list them with 'drover targets'"
                    + " and check --name, --tenant and --shard");
        }
        Fleet fleet = Fleet.of(resolved.targets(), drover.options().x(), lockWait, limits);
        fleet.warnings().forEach(drover::warn);
        return fleet;
    }
}
