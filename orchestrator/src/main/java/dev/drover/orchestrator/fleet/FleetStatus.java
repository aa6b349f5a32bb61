package dev.drover.orchestrator.fleet;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of {@code drover status} (and {@code check}): every target's view, in the order given.
 *
 * @param targets per target
 */
public record FleetStatus(List<TargetView> targets) {

    public FleetStatus {
        targets = List.copyOf(targets);
    }

    /** How many targets are at each revision label ({@code base}, or heads joined by a space), sorted by label. */
    public Map<String, Integer> byRevision() {
        Map<String, Integer> counts = new TreeMap<>();
        for (TargetView view : targets) {
            if (view.error() == null || !view.heads().isEmpty()) {
                counts.merge(view.revisionLabel(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Targets that fail {@code drover check}: not at head, changed scripts, half-way, or unreadable. */
    public List<TargetView> unhealthy() {
        return targets.stream().filter(v -> !v.healthy()).toList();
    }

    /**
     * Whether every target was read and its heads planned (no view has an {@code error}); {@code drover
     * status} and {@code current} exit 1 otherwise.
     */
    public boolean allReadable() {
        return targets.stream().allMatch(v -> v.error() == null);
    }

    /** {@code drover check}: every target at head with unchanged applied scripts (exit 0, else 1). */
    public boolean checkPassed() {
        return unhealthy().isEmpty();
    }
}
