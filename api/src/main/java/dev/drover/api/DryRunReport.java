package dev.drover.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run would do, read from each target's current revision with nothing executed
 * ({@link Drover#dryRun}).
 *
 * @param plan     targets with work are {@code skipped} with their planned steps (repair: the revisions whose new
 *                 checksum it would accept), the others {@code unchanged}; a target that cannot be read or planned
 *                 is {@code failed}
 * @param byTarget the SQL each target would execute, by target key, in rollout order (targets with nothing to do,
 *                 or that failed, are left out; repair and stamp run no script)
 * @param targets  every selected target in rollout order, e.g. for the masked URL in a header per target
 */
public record DryRunReport(FleetReport plan, Map<String, String> byTarget, List<TargetInfo> targets) {

    public DryRunReport {
        Objects.requireNonNull(plan, "plan");
        byTarget = Collections.unmodifiableMap(new LinkedHashMap<>(byTarget));
        targets = List.copyOf(targets);
    }

    /** A report without the target list. */
    public DryRunReport(FleetReport plan, Map<String, String> byTarget) {
        this(plan, byTarget, List.of());
    }
}
