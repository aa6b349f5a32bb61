package dev.drover.cli.command;

import dev.drover.cli.CliException;
import dev.drover.cli.DroverCommand;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.runtime.StatementLimits;
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
    static ResolvedTargets resolve(DroverCommand drover, String shard) {
        Selection selection = new Selection(drover.options().names(), drover.options().tenants(),
                shard == null ? null : Shard.parse(shard));
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
    static Fleet fleet(DroverCommand drover, String shard, Duration lockWait) {
        return fleet(drover, shard, lockWait, UnaryOperator.identity());
    }

    /**
     * @param limits command-line overrides of the sections' lock and statement timeouts
     * @throws CliException when the selection matches no target (exit 2)
     */
    static Fleet fleet(DroverCommand drover, String shard, Duration lockWait, UnaryOperator<StatementLimits> limits) {
        ResolvedTargets resolved = resolve(drover, shard);
        if (resolved.targets().isEmpty()) {
            throw CliException.usage("No target matches the selection; list them with 'drover targets'"
                    + " and check --name, --tenant and --shard");
        }
        return Fleet.of(resolved.targets(), drover.options().x(), lockWait, limits);
    }
}
