package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.store.HistoryRow;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks made after taking the lock and before running anything; each returns a refusal or empty. */
final class Refusals {

    private Refusals() {}

    /**
     * A revision left half-way by a non-transactional run: names it, the statements that committed,
     * and the exact repair (docs/design.md, Version tables), as commands that select this target alone.
     */
    static Optional<StepError> halfApplied(MigrationTarget target, ScriptSource scripts, List<HistoryRow> unfinished,
            List<String> heads) {
        if (unfinished.isEmpty()) {
            return Optional.empty();
        }
        HistoryRow row = unfinished.get(unfinished.size() - 1);
        String rev = row.revision();
        boolean upgrade = "upgrade".equals(row.direction());
        int total = scripts.revision(rev).isPresent()
                ? scripts.statements(rev, upgrade ? dev.drover.orchestrator.graph.Direction.UPGRADE
                        : dev.drover.orchestrator.graph.Direction.DOWNGRADE, target.dialect()).size()
                : -1;
        List<String> parents = scripts.revision(rev).map(Revision::downRevisions).orElse(List.of());
        Set<String> completed = new LinkedHashSet<>(heads);
        if (upgrade) {
            completed.removeAll(parents);
            completed.add(rev);
        } else {
            completed.remove(rev);
            completed.addAll(parents);
        }
        int done = row.statementCount();
        String file = scripts.revision(rev).isPresent() ? scripts.fileLabel(rev) : "(script no longer present)";
        String stamp = "drover " + target.selector() + " stamp ";
        String message = "target '" + target.key() + "' is half-way through the " + row.direction() + " of revision '"
                + rev + "' (" + file + "), started by run '" + row.runId() + "': " + done + " of "
                + (total < 0 ? "?" : total) + " statements committed" + (done > 0 ? " (statements 1-" + done + ")" : "")
                + " and the version table still says " + spec(heads) + "; repair by hand, then record the state: either "
                + "run statements " + (done + 1) + "-" + (total < 0 ? "end" : total) + " yourself and run '" + stamp
                + spec(List.copyOf(completed)) + " --purge', or undo statements 1-" + done
                + " and run '" + stamp + spec(heads) + " --purge' (stamp clears this marker; the options select this "
                + "target alone, so no other target is stamped)";
        return Optional.of(StepError.of(rev, message));
    }

    /** Applied revisions whose script changed since they ran (latest done history row per revision). */
    static Optional<StepError> changedScripts(MigrationTarget target, ScriptSource scripts, List<HistoryRow> history) {
        List<HistoryRow> changed = scripts.changedSince(history);
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        String changes = changed.stream().map(row -> "'" + row.revision() + "' (" + scripts.fileLabel(row.revision())
                + ": applied " + row.checksum() + ", now " + scripts.checksum(row.revision()) + ")")
                .collect(Collectors.joining(", "));
        return Optional.of(StepError.of(changed.get(0).revision(), "target '" + target.key()
                + "': applied revision(s) changed since they ran: " + changes + "; restore the original script(s) and "
                + "put the change in a new revision ('drover revision -m ...')"));
    }

    private static String spec(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(" ", heads);
    }
}
