package dev.drover.cli.command;

import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.env.Fleet;
import dev.drover.registry.OfflineTenants;
import dev.drover.registry.ResolvedTargets;
import dev.drover.registry.Selection;
import dev.drover.registry.Shard;
import java.io.PrintWriter;
import java.time.Duration;

/** Turns the global selection options ({@code --name}, {@code --tenant}) and {@code --shard} into targets. */
final class TargetSelection {

    private TargetSelection() {}

    /** Resolves the selection, reporting rejected tenants and configuration warnings on stderr. */
    static ResolvedTargets resolve(CommandContext drover, String shard) {
        return resolve(drover, shard, null);
    }

    /** @param offline the tenants of {@code query:} sections for offline SQL, or {@code null} to discover them */
    private static ResolvedTargets resolve(CommandContext drover, String shard, OfflineTenants offline) {
        Selection selection = new Selection(drover.options().names(), drover.options().tenants(),
                shard == null ? null : Shard.parse(shard), offline);
        ResolvedTargets resolved = drover.workspace().registry().targets(selection);
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
        ResolvedTargets resolved = resolve(drover, shard, null);
        if (resolved.targets().isEmpty()) {
            throw CliException.usage("No target matches the selection; list them with 'drover targets'"
                    + " and check --name, --tenant and --shard");
        }
        Fleet fleet = Fleet.of(resolved.targets(), drover.options().x(), lockWait);
        fleet.warnings().forEach(drover::warn);
        return fleet;
    }
}
