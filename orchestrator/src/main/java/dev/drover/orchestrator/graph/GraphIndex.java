package dev.drover.orchestrator.graph;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * The validated, indexed form of a revision graph (the inside of Alembic's RevisionMap) and the
 * traversals every other class of the package builds on. Built only by {@link GraphIndexBuilder},
 * so every id it holds is known and the graph is acyclic.
 *
 * <p>Two kinds of edges exist, as in Alembic: <em>versioned</em> edges ({@code down_revision}) and
 * <em>dependency</em> edges ({@code depends_on}). Traversals say which ones they follow.
 */
final class GraphIndex {

    final Map<String, Revision> byId;
    final Map<String, String> labelOwners;
    final Map<String, List<String>> resolvedDeps;
    final Map<String, List<String>> normalizedDowns;
    final Map<String, List<String>> normalizedDeps;
    final Map<String, SortedSet<String>> nextrev;
    final Map<String, SortedSet<String>> allNextrev;
    final Map<String, SortedSet<String>> effectiveLabels;
    final List<String> heads;
    final List<String> realHeads;
    final List<String> bases;

    GraphIndex(
            Map<String, Revision> byId,
            Map<String, String> labelOwners,
            Map<String, List<String>> resolvedDeps,
            Map<String, List<String>> normalizedDowns,
            Map<String, List<String>> normalizedDeps,
            Map<String, SortedSet<String>> nextrev,
            Map<String, SortedSet<String>> allNextrev,
            Map<String, SortedSet<String>> effectiveLabels,
            List<String> heads,
            List<String> realHeads,
            List<String> bases) {
        this.byId = byId;
        this.labelOwners = labelOwners;
        this.resolvedDeps = resolvedDeps;
        this.normalizedDowns = normalizedDowns;
        this.normalizedDeps = normalizedDeps;
        this.nextrev = nextrev;
        this.allNextrev = allNextrev;
        this.effectiveLabels = effectiveLabels;
        this.heads = heads;
        this.realHeads = realHeads;
        this.bases = bases;
    }

    Revision revision(String id) {
        return byId.get(id);
    }

    /** {@code down_revision} only. */
    List<String> versionedDowns(String id) {
        return byId.get(id).downRevisions();
    }

    /** {@code down_revision} plus the dependencies not already implied by an ancestor's. */
    List<String> normalizedDowns(String id) {
        return normalizedDowns.get(id);
    }

    boolean hasDependencies(String id) {
        return !normalizedDeps.get(id).isEmpty();
    }

    /**
     * The given revisions and all their ancestors.
     *
     * @param includeDependencies follow {@code depends_on} edges too
     */
    Set<String> ancestors(Collection<String> ids, boolean includeDependencies) {
        return walk(ids, includeDependencies ? normalizedDowns::get : this::versionedDowns);
    }

    /**
     * The given revisions and all their descendants.
     *
     * @param includeDependencies follow reverse {@code depends_on} edges too (dependents)
     */
    Set<String> descendants(Collection<String> ids, boolean includeDependencies) {
        return walk(ids, includeDependencies ? allNextrev::get : nextrev::get);
    }

    /**
     * Alembic's {@code _shares_lineage}: whether {@code target} is an ancestor or descendant of
     * (or equal to) any of {@code against}; true when {@code against} is empty.
     */
    boolean sharesLineage(String target, Collection<String> against, boolean includeDependencies) {
        if (against.isEmpty()) {
            return true;
        }
        Set<String> related = ancestors(List.of(target), includeDependencies);
        related.addAll(descendants(List.of(target), includeDependencies));
        return against.stream().anyMatch(related::contains);
    }

    /** The revision that declares {@code label}, or {@code null}. */
    String labelOwner(String label) {
        return labelOwners.get(label);
    }

    String describe(String id) {
        return RevisionText.describe(id, byId);
    }

    String describeAll(Collection<String> ids) {
        return RevisionText.describeAll(ids, byId);
    }

    private static Set<String> walk(Collection<String> starts, Function<String, Collection<String>> next) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(starts);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(next.apply(id));
            }
        }
        return seen;
    }
}
