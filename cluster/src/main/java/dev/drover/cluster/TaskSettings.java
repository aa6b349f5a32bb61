package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.RevisionGate;
import dev.drover.orchestrator.runtime.RunOptions;

/**
 * The run's settings of one target as they cross the wire: the coordinator's resolved statement limits and
 * lock wait (its sections' values with its command line's overrides), and whether the target's server has a
 * throttle the agent must ask about between revisions. No URL, user or password.
 */
final class TaskSettings {

    private TaskSettings() {}

    /**
     * @param gateAddress where the coordinator answers {@link Wire.Gate}s
     */
    static Wire.Settings of(FleetTarget target, RunOptions options, String gateAddress) {
        MigrationTarget t = target.target();
        return new Wire.Settings(t.limits(), t.lockWait(), options.gate() == RevisionGate.OPEN ? null : gateAddress);
    }

    /** {@code target} (from the agent's own configuration) with the coordinator's limits and lock wait. */
    static FleetTarget apply(FleetTarget target, Wire.Settings settings) {
        MigrationTarget.Builder builder = target.target().toBuilder();
        if (settings.limits() != null) {
            builder.limits(settings.limits());
        }
        if (settings.lockWait() != null) {
            builder.lockWait(settings.lockWait());
        }
        return new FleetTarget(builder.build(), target.scripts(), target.server(), target.section(), target.tenant(),
                target.throttle());
    }
}
