package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.store.HistoryRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a history table says about applied scripts; mirrors the runtime's refusals without a lock. */
final class AppliedScripts {

    private AppliedScripts() {}

    /** Rows still marked started: revisions left half-way. */
    static List<HistoryRow> unfinished(List<HistoryRow> history) {
        return history.stream().filter(r -> HistoryRow.STARTED.equals(r.status())).toList();
    }

    /**
     * Revisions, sorted, whose latest done row is an upgrade with a checksum different from the script's
     * current one (scripts no longer present are not reported).
     */
    static List<String> changed(ScriptSource scripts, List<HistoryRow> history) {
        Map<String, HistoryRow> latest = new TreeMap<>();
        for (HistoryRow row : history) {
            if (HistoryRow.DONE.equals(row.status())) {
                latest.put(row.revision(), row);
            }
        }
        List<String> changed = new ArrayList<>();
        for (HistoryRow row : latest.values()) {
            String now = scripts.checksum(row.revision());
            if ("upgrade".equals(row.direction()) && row.checksum() != null && now != null && !now.equals(row.checksum())) {
                changed.add(row.revision());
            }
        }
        return changed;
    }
}
