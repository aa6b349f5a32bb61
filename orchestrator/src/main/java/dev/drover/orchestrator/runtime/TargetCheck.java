package dev.drover.orchestrator.runtime;

import java.util.List;

/**
 * What {@code drover check} learns about one target without changing it.
 *
 * @param key          the target key
 * @param heads        current heads, sorted (empty: base)
 * @param pendingSteps how many steps an {@code upgrade heads} would run
 * @param problem      a half-applied revision or an applied script that changed since it ran, or {@code null}
 */
public record TargetCheck(String key, List<String> heads, int pendingSteps, StepError problem) {

    public TargetCheck {
        heads = List.copyOf(heads);
    }

    /** At head with unchanged applied scripts and nothing half-applied: the deploy gate passes. */
    public boolean passes() {
        return pendingSteps == 0 && problem == null;
    }
}
