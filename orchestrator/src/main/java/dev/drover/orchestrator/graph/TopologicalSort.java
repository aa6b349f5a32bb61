package dev.drover.orchestrator.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Alembic's {@code RevisionMap._topological_sort}: orders revisions heads first, so that every
 * revision comes before its parents and dependencies. Upgrades run the reverse of this order,
 * downgrades and {@code history} this order.
 *
 * <p>The walk follows one branch from its head down for as long as no other pending head still
 * needs the next revision, then switches to that head; heads are taken in id order (Alembic uses
 * the order in which script files were read, which is id order with the default file template).
 * This makes step order identical to Alembic's: a whole branch is finished before the next one.
 */
final class TopologicalSort {

    private final GraphIndex index;

    TopologicalSort(GraphIndex index) {
        this.index = index;
    }

    /**
     * @param revisions the revisions to order
     * @param heads     where the walk starts; revisions not reachable from them inside the set
     *                  follow, walked from the newest of them
     * @return the revisions, heads first
     */
    List<String> headsFirst(Collection<String> revisions, Collection<String> heads) {
        Set<String> todo = new HashSet<>(revisions);
        List<String> output = new ArrayList<>();
        walk(todo, heads.stream().filter(todo::contains).distinct().sorted().toList(), output);
        while (!todo.isEmpty()) {
            // Some revisions are only reachable from the heads through revisions outside the set
            // (a history range cut across a depends_on edge; Alembic fails an assertion there):
            // continue from the newest of them. Each round emits at least those.
            walk(todo, newest(todo), output);
        }
        return output;
    }

    private List<String> newest(Set<String> todo) {
        Set<String> implied = new HashSet<>();
        for (String id : todo) {
            Set<String> below = ancestors(id);
            below.remove(id);
            implied.addAll(below);
        }
        return todo.stream().filter(id -> !implied.contains(id)).sorted().toList();
    }

    private void walk(Set<String> todo, List<String> heads, List<String> output) {
        List<String> current = new ArrayList<>(heads);
        List<Set<String>> ancestorsByHead = new ArrayList<>();
        current.forEach(head -> ancestorsByHead.add(ancestors(head)));
        int candidateIndex = 0;
        while (!current.isEmpty()) {
            String candidate = current.get(candidateIndex);
            int needer = otherHeadNeeding(candidate, candidateIndex, ancestorsByHead);
            if (needer >= 0) {
                candidateIndex = needer; // that branch must be walked first
                continue;
            }
            if (todo.remove(candidate)) {
                output.add(candidate);
            }
            List<String> next = new ArrayList<>();
            for (String down : index.normalizedDowns(candidate)) {
                if (todo.contains(down) && !current.contains(down)) {
                    next.add(down);
                }
            }
            if (next.isEmpty()) {
                current.remove(candidateIndex);
                ancestorsByHead.remove(candidateIndex);
                candidateIndex = Math.max(candidateIndex - 1, 0);
            } else if (!index.hasDependencies(candidate) && index.versionedDowns(candidate).size() == 1) {
                current.set(candidateIndex, next.get(0));
                ancestorsByHead.get(candidateIndex).remove(candidate);
            } else {
                current.set(candidateIndex, next.get(0));
                ancestorsByHead.set(candidateIndex, ancestors(next.get(0)));
                for (String extra : next.subList(1, next.size())) {
                    current.add(extra);
                    ancestorsByHead.add(ancestors(extra));
                }
            }
        }
    }

    /** Bases first: the order an upgrade applies them. */
    List<String> basesFirst(Collection<String> revisions, Collection<String> heads) {
        List<String> order = new ArrayList<>(headsFirst(revisions, heads));
        Collections.reverse(order);
        return order;
    }

    private static int otherHeadNeeding(String candidate, int candidateIndex, List<Set<String>> ancestorsByHead) {
        for (int i = 0; i < ancestorsByHead.size(); i++) {
            if (i != candidateIndex && ancestorsByHead.get(i).contains(candidate)) {
                return i;
            }
        }
        return -1;
    }

    private Set<String> ancestors(String id) {
        return new HashSet<>(index.ancestors(List.of(id), true));
    }
}
