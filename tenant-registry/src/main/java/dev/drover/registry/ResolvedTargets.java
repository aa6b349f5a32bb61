package dev.drover.registry;

import java.util.List;

/**
 * The outcome of {@link Registry#targets(Selection)}.
 *
 * @param targets selected targets in rollout order (sections in {@code databases} order, tenants
 *                in source order)
 * @param rejected tenant names of the selected sections that were not turned into targets (not
 *                 narrowed by {@code --tenant} or {@code --shard}), with reasons
 * @param warnings the registry's warnings plus those of this selection
 */
public record ResolvedTargets(List<RegistryTarget> targets, List<RejectedTenant> rejected, List<ConfigWarning> warnings) {

    public ResolvedTargets {
        targets = List.copyOf(targets);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
    }
}
