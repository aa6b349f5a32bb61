package dev.drover.orchestrator.graph;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Effective branch labels, exactly as Alembic's {@code _add_branches} leaves them: a label
 * declared on a revision applies to that revision and to every descendant along
 * {@code down_revision} edges (through merge points too, so a merge carries the labels of all
 * merged branches). It also applies to the revision's ancestors, down to but excluding the first
 * branch point (one counting dependents) or merge point, but only when the labelled revision and
 * its descendants form a single line without branch or merge points.
 *
 * <p>Why the last condition: Alembic starts that ancestor walk from the last descendant its
 * traversal visited and stops at the first branch or merge point, so it only gets back to the
 * labelled revision (and below) when there is none in between. Stated this way the result does
 * not depend on Alembic's set iteration order.
 */
final class BranchLabelPropagation {

    private BranchLabelPropagation() {}

    static Map<String, SortedSet<String>> propagate(
            Map<String, Revision> byId,
            Map<String, SortedSet<String>> nextrev,
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
            if (!isSingleLine(revision, byId, nextrev, allNextrev)) {
                continue;
            }
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

    /** The revision and its descendants form one line: no branch point (dependents count), no merge. */
    private static boolean isSingleLine(Revision revision, Map<String, Revision> byId,
                                        Map<String, SortedSet<String>> nextrev,
                                        Map<String, SortedSet<String>> allNextrev) {
        Revision node = revision;
        while (true) {
            if (allNextrev.get(node.id()).size() > 1 || node.isMergePoint()) {
                return false;
            }
            SortedSet<String> children = nextrev.get(node.id());
            if (children.isEmpty()) {
                return true;
            }
            node = byId.get(children.first());
        }
    }
}
