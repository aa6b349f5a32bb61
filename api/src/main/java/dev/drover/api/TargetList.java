package dev.drover.api;

import java.util.List;

/**
 * The selected targets as they resolve now ({@code drover targets}), with the tenants that were not turned into
 * targets and what the fleet commands would refuse.
 *
 * @param targets  in rollout order
 * @param rejected tenants of the selected sections left alone (hostile or invalid names), each with why
 * @param warnings the registry's and this resolution's warnings (unknown keys, ignored sections, ...)
 * @param refusals one line per section every fleet command would refuse as configured, naming the file, line
 *                 and section and what to change (today: {@code two_phase = true} on a database other than
 *                 PostgreSQL)
 */
public record TargetList(List<TargetInfo> targets, List<Rejected> rejected, List<String> warnings,
        List<String> refusals) {

    public TargetList {
        targets = List.copyOf(targets);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
        refusals = List.copyOf(refusals);
    }

    /**
     * A tenant name that was not turned into a target.
     *
     * @param section the section it was listed, read or discovered for
     * @param tenant  the name
     * @param reason  why it was rejected
     */
    public record Rejected(String section, String tenant, String reason) {}
}
