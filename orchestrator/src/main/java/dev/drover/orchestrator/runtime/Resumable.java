package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.store.HistoryRow;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Revisions a lock timeout stopped half-way outside a transaction (history status {@code blocked}):
 * their first statements committed, the next one never ran. A run may resume one exactly where it
 * stopped, provided its plan begins with that revision in that direction and the script is the one that
 * ran; any other blocked row leaves the target half-way, as a {@code started} row does.
 */
final class Resumable {

    private Resumable() {}

    /** The rows that make {@code plan} refuse the target: every started row, and every blocked row it does not resume. */
    static List<HistoryRow> unfinished(ScriptSource scripts, List<HistoryRow> history, List<MigrationStep> plan) {
        return history.stream().filter(row -> HistoryRow.STARTED.equals(row.status())
                || HistoryRow.BLOCKED.equals(row.status()) && !resumes(scripts, row, plan)).toList();
    }

    /** Statements already committed, by {@code revision/direction}, of the blocked revision {@code plan} resumes. */
    static Map<String, Integer> of(ScriptSource scripts, List<HistoryRow> history, List<MigrationStep> plan) {
        for (HistoryRow row : history) {
            if (HistoryRow.BLOCKED.equals(row.status()) && resumes(scripts, row, plan)) {
                return Map.of(row.revision() + "/" + row.direction(), row.statementCount());
            }
        }
        return Map.of();
    }

    private static boolean resumes(ScriptSource scripts, HistoryRow row, List<MigrationStep> plan) {
        if (plan.isEmpty()) {
            return false;
        }
        MigrationStep first = plan.get(0);
        return first.revision().id().equals(row.revision()) && first.direction().label().equals(row.direction())
                && Objects.equals(scripts.checksum(row.revision()), row.checksum());
    }
}
