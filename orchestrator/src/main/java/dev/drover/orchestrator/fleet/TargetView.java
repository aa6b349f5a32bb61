package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.store.HistoryRow;
import java.util.List;

/**
 * One target in {@code drover status} / {@code check}.
 *
 * @param target     the fleet target
 * @param heads      current heads, sorted (empty: base)
 * @param pending    revisions an {@code upgrade heads} would run; -1 when unknown (see {@code error})
 * @param changed    applied revisions whose script changed since they ran, sorted
 * @param unfinished revisions left half-way (started, never done)
 * @param error      why the target could not be read or planned, or {@code null}
 */
public record TargetView(FleetTarget target, List<String> heads, int pending, List<String> changed,
        List<String> unfinished, String error) {

    public TargetView {
        heads = List.copyOf(heads);
        changed = List.copyOf(changed);
        unfinished = List.copyOf(unfinished);
    }

    static TargetView of(FleetTarget target, TargetState state) {
        if (!state.readable()) {
            return new TargetView(target, List.of(), -1, List.of(), List.of(), state.error());
        }
        List<String> changed = AppliedScripts.changed(target.scripts(), state.history());
        List<String> unfinished = AppliedScripts.unfinished(state.history()).stream().map(HistoryRow::revision).toList();
        try {
            int pending = target.scripts().graph().planUpgrade(state.heads(), "heads").size();
            return new TargetView(target, state.heads(), pending, changed, unfinished, null);
        } catch (RuntimeException e) {
            return new TargetView(target, state.heads(), -1, changed, unfinished, e.getMessage());
        }
    }

    public String key() {
        return target.key();
    }

    /** At every head of the graph: readable, nothing pending. */
    public boolean atHead() {
        return error == null && pending == 0;
    }

    /** What {@code drover check} demands: at head, no changed script, nothing half-way. */
    public boolean healthy() {
        return atHead() && changed.isEmpty() && unfinished.isEmpty();
    }

    /** The heads as a label: {@code base} or the ids joined by a space. */
    public String revisionLabel() {
        return heads.isEmpty() ? "base" : String.join(" ", heads);
    }
}
