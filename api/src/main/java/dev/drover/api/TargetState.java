package dev.drover.api;

import java.util.List;

/**
 * One target as {@link Drover#status} read it.
 *
 * @param target     {@code section} or {@code section/tenant}
 * @param section    the section
 * @param tenant     the tenant, or {@code null}
 * @param heads      current heads, sorted (empty: nothing applied)
 * @param pending    revisions an upgrade to head would run; -1 when the target could not be read
 * @param changed    applied revisions whose script changed since they ran
 * @param unfinished revisions left half-way (started, never done)
 * @param error      why the target could not be read or planned, or {@code null}
 * @param atHead     whether nothing is pending
 * @param healthy    at head, no changed script, nothing half-way, readable: what {@link Drover#check} requires
 */
public record TargetState(String target, String section, String tenant, List<String> heads, int pending,
        List<String> changed, List<String> unfinished, String error, boolean atHead, boolean healthy) {

    public TargetState {
        heads = List.copyOf(heads);
        changed = List.copyOf(changed);
        unfinished = List.copyOf(unfinished);
    }
}
