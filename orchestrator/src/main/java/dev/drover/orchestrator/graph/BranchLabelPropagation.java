package dev.drover.orchestrator.graph;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Effective branch labels, after Alembic's {@code _add_branches}: a label declared on a revision
 * applies to that revision, to every descendant along {@code down_revision} edges (through merge
 * points too, so a merge carries the labels of all merged branches), and to its ancestors down to,
 * but excluding, the first branch point (one counting dependents) or merge point.
 *
 * <p>Alembic starts the ancestor walk from the last descendant its traversal happened to visit;
 * Drover starts it from the labelled revision itself. Both agree whenever the labelled revision's
 * descendants form one line, which is the layout branch labels are made for.
 */
final class BranchLabelPropagation {

    private BranchLabelPropagation() {}

    static Map<String, SortedSet<String>> propagate(
            Map<String, Revision> byId,
            Map<String, SortedSet<String>> allNextrev,
            GraphIndex versionedOnly) {
        Map<String, SortedSet<String>> labels = new HashMap<>();
        byId.keySet().forEach(id -> labels.put(id, new TreeSet<>()));
        for (Revision revision : byId.values()) {
            List<String> declared = revision.branchLabels();
            if (declared.isEmpty()) {
                continue;
            }
            versionedOnly.descendants(List.of(revision.id()), false)
                    .forEach(id -> labels.get(id).addAll(declared));
            Revision parent = revision;
            while (allNextrev.get(parent.id()).size() <= 1 && !parent.isMergePoint()) {
                labels.get(parent.id()).addAll(declared);
                if (parent.isBase()) {
                    break;
                }
                parent = byId.get(parent.downRevisions().get(0));
            }
        }
        Map<String, SortedSet<String>> frozen = new HashMap<>();
        labels.forEach((id, set) -> frozen.put(id, Collections.unmodifiableSortedSet(set)));
        return frozen;
    }
}
