package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.store.HistoryRow;
import java.util.List;

/**
 * A target's version and history tables as read without a lock (missing tables or schema: base, no history).
 *
 * @param heads   current heads, sorted
 * @param history history rows in the order they were written
 * @param error   why the read failed (then heads and history are empty and meaningless), or {@code null}
 */
record TargetState(List<String> heads, List<HistoryRow> history, String error) {

    public TargetState {
        heads = heads.stream().sorted().toList();
        history = List.copyOf(history);
    }

    public static TargetState of(List<String> heads, List<HistoryRow> history) {
        return new TargetState(heads, history, null);
    }

    public static TargetState failed(String error) {
        return new TargetState(List.of(), List.of(), error);
    }

    public boolean readable() {
        return error == null;
    }

    /**
     * Whether a run would find nothing to refuse: no revision left half-way and no applied script changed.
     * A target that is not clean always goes to the runtime, which reports the refusal.
     */
    public boolean clean(ScriptSource scripts) {
        return AppliedScripts.unfinished(history).isEmpty() && AppliedScripts.changed(scripts, history).isEmpty();
    }
}
