package dev.drover.orchestrator.graph;

import static dev.drover.orchestrator.graph.RevisionText.quote;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * {@code history -r a:b}, after Alembic's {@code walk_revisions}: the revisions that are
 * ancestors of (or equal to) {@code b} and descendants of (or equal to) {@code a}, heads first.
 * {@code a} defaults to base, {@code b} to heads; either side may be {@code current}. A relative
 * side without a revision ({@code -3:}) counts from the other side, and relative walks stop at a
 * head or base instead of failing, as in Alembic.
 */
final class HistoryWalker {

    private final GraphIndex index;
    private final SpecifierResolver resolver;
    private final MigrationPlanner planner;
    private final TopologicalSort sort;

    HistoryWalker(GraphIndex index, SpecifierResolver resolver, MigrationPlanner planner) {
        this.index = index;
        this.resolver = resolver;
        this.planner = planner;
        this.sort = new TopologicalSort(index);
    }

    List<Revision> history(String range, Collection<String> current) {
        String lowerSpec = "";
        String upperSpec = "";
        if (range != null && !range.isBlank()) {
            int colon = range.indexOf(':');
            if (colon < 0 || range.indexOf(':', colon + 1) >= 0) {
                throw new RevisionException("History range " + quote(range)
                        + " needs the form [start]:[end]; use e.g. 'base:head', 'current:' or ':-3'");
            }
            lowerSpec = range.substring(0, colon).trim();
            upperSpec = range.substring(colon + 1).trim();
        }
        List<String> currentHeads = current == null ? List.of() : planner.checkCurrent(current);
        List<String> lower;
        List<String> upper;
        if (isAnchorless(lowerSpec)) {
            upper = side(upperSpec, index.realHeads, currentHeads, List.of());
            lower = side(lowerSpec, List.of(), currentHeads, upper);
        } else {
            lower = side(lowerSpec, List.of(), currentHeads, List.of());
            upper = side(upperSpec, index.realHeads, currentHeads, lower);
        }
        Set<String> needs = index.ancestors(upper, true);
        for (String id : lower) {
            if (!needs.contains(id)) {
                throw new RevisionException("Revision " + index.describe(id) + " is not an ancestor of "
                        + (upper.isEmpty() ? "'base'" : index.describeAll(upper))
                        + "; write the range as older:newer");
            }
        }
        needs.removeAll(index.ancestors(lower, true));
        needs.addAll(lower);
        if (!lower.isEmpty()) {
            needs.retainAll(index.descendants(lower, false));
        }
        return sort.headsFirst(needs, upper).stream().map(index::revision).toList();
    }

    private static boolean isAnchorless(String spec) {
        RelativeResolver.Relative rel = spec.isEmpty() ? null : RelativeResolver.parse(spec);
        return rel != null && rel.symbol() == null;
    }

    private List<String> side(String spec, List<String> fallback, List<String> current, List<String> anchor) {
        if (spec.isEmpty()) {
            return fallback;
        }
        if (spec.equals("current")) {
            return current;
        }
        return resolver.target(spec, anchor, true).ids();
    }
}
