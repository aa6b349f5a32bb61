package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.store.HistoryRow;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Revisions a lock or statement timeout stopped half-way outside a transaction (history status
 * {@code timed_out}): their first statements committed, the next one gave up. A run may resume one exactly
 * where it stopped, provided its plan begins with that revision in that direction and, when statements did
 * commit, the script is the one that ran; any other timed-out row leaves the target half-way, as a
 * {@code started} row does.
 */
final class Resumable {

    private Resumable() {}

    /** The rows that make {@code plan} refuse the target: every started row, and every timed-out row it does not resume. */
    static List<HistoryRow> unfinished(ScriptSource scripts, List<HistoryRow> history, List<MigrationStep> plan) {
        return history.stream().filter(row -> HistoryRow.STARTED.equals(row.status())
                || HistoryRow.TIMED_OUT.equals(row.status()) && !resumes(scripts, row, plan)).toList();
    }

    /** Statements already committed, by {@code revision/direction}, of the timed-out revision {@code plan} resumes. */
    static Map<String, Integer> of(ScriptSource scripts, List<HistoryRow> history, List<MigrationStep> plan) {
        for (HistoryRow row : history) {
            if (HistoryRow.TIMED_OUT.equals(row.status()) && resumes(scripts, row, plan)) {
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
        // Statements that committed must be the script's still; with none committed, an edit (say, a longer
        // statement_timeout in its header) changes nothing that ran.
        return first.revision().id().equals(row.revision()) && first.direction().label().equals(row.direction())
                && (row.statementCount() == 0 || Objects.equals(scripts.checksum(row.revision()), row.checksum()));
    }
}
