package dev.drover.orchestrator.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses cyclic graphs (Alembic's {@code CycleDetected} / {@code DependencyCycleDetected}),
 * naming exactly the revisions on one cycle. Iterative depth-first search, so long histories
 * cannot overflow the stack.
 */
final class CycleFinder {

    private CycleFinder() {}

    /**
     * @param byId          every revision, parents already known to exist
     * @param dependencies  resolved {@code depends_on} ids per revision
     * @throws RevisionException when following {@code down_revision} and {@code depends_on}
     *                           edges leads back to a revision
     */
    static void check(Map<String, Revision> byId, Map<String, List<String>> dependencies) {
        Map<String, List<String>> edges = new HashMap<>();
        byId.values().forEach(r -> {
            Set<String> out = new LinkedHashSet<>(r.downRevisions());
            out.addAll(dependencies.getOrDefault(r.id(), List.of()));
            edges.put(r.id(), List.copyOf(out));
        });
        Set<String> done = new LinkedHashSet<>();
        for (String start : byId.keySet()) {
            if (!done.contains(start)) {
                List<String> cycle = search(start, edges, done);
                if (cycle != null) {
                    throw new RevisionException("Cycle detected among revisions "
                            + RevisionText.describeAll(cycle, byId)
                            + "; fix a down_revision or depends_on header so that history only"
                            + " points to older revisions");
                }
            }
        }
    }

    private static List<String> search(String start, Map<String, List<String>> edges, Set<String> done) {
        Deque<String> path = new ArrayDeque<>();
        Deque<Iterator<String>> pending = new ArrayDeque<>();
        Set<String> onPath = new LinkedHashSet<>();
        path.push(start);
        onPath.add(start);
        pending.push(edges.get(start).iterator());
        while (!path.isEmpty()) {
            Iterator<String> next = pending.peek();
            if (!next.hasNext()) {
                done.add(path.peek());
                onPath.remove(path.pop());
                pending.pop();
                continue;
            }
            String target = next.next();
            if (onPath.contains(target)) {
                return cycleFrom(target, path);
            }
            if (!done.contains(target)) {
                path.push(target);
                onPath.add(target);
                pending.push(edges.get(target).iterator());
            }
        }
        return null;
    }

    /** The path from {@code target} (where it closes) to the current node, sorted for stable messages. */
    private static List<String> cycleFrom(String target, Deque<String> path) {
        List<String> cycle = new ArrayList<>();
        for (String id : path) { // top of stack first
            cycle.add(id);
            if (id.equals(target)) {
                break;
            }
        }
        cycle.sort(null);
        return cycle;
    }
}
