package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.store.HistoryRow;
import java.util.List;

/** What a history table says about applied scripts; mirrors the runtime's refusals without a lock. */
final class AppliedScripts {

    private AppliedScripts() {}

    /** Rows still marked started: revisions left half-way. */
    static List<HistoryRow> unfinished(List<HistoryRow> history) {
        return history.stream().filter(r -> HistoryRow.STARTED.equals(r.status())).toList();
    }

    /** Applied revisions, sorted, whose script changed since they ran (see {@link ScriptSource#changedSince}). */
    static List<String> changed(ScriptSource scripts, List<HistoryRow> history) {
        return scripts.changedSince(history).stream().map(HistoryRow::revision).toList();
    }
}
