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

    /**
     * How many targets are at each revision, sorted by label: the label is {@code base} for a target with nothing
     * applied, else its heads joined by a space; a target that could not be read counts only when its heads were
     * read (its plan failed).
     */
    public java.util.SortedMap<String, Integer> byRevision() {
        java.util.SortedMap<String, Integer> counts = new java.util.TreeMap<>();
        for (TargetState t : targets) {
            if (t.error() == null || !t.heads().isEmpty()) {
                counts.merge(t.heads().isEmpty() ? "base" : String.join(" ", t.heads()), 1, Integer::sum);
            }
        }
        return java.util.Collections.unmodifiableSortedMap(counts);
    }

    /** The targets that fail the gate. */
    public List<TargetState> unhealthy() {
        return targets.stream().filter(t -> !t.healthy()).toList();
    }
}
