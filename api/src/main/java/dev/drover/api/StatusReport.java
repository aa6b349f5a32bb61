package dev.drover.api;

import java.util.List;

/**
 * Every selected target's current revision and pending work, as {@link Drover#status} and
 * {@link Drover#check} read it.
 *
 * @param targets in rollout order
 */
public record StatusReport(List<TargetState> targets) {

    public StatusReport {
        targets = List.copyOf(targets);
    }

    /** Whether every target could be read. */
    public boolean allReadable() {
        return targets.stream().allMatch(t -> t.error() == null);
    }

    /** The deploy gate: every target at head, no applied script changed, nothing half-way. */
    public boolean checkPassed() {
        return targets.stream().allMatch(TargetState::healthy);
    }

    /** The targets that fail the gate. */
    public List<TargetState> unhealthy() {
        return targets.stream().filter(t -> !t.healthy()).toList();
    }
}
