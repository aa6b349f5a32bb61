package dev.drover.orchestrator.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tracks a target's version rows (its current heads) while a plan is built and turns each step
 * into the {@link VersionDelta} the runtime applies, after Alembic's {@code HeadMaintainer} and
 * {@code RevisionStep}: an upgrade inserts a new branch, merges branches (deletes all but one
 * parent row and updates the last) or updates one row; a downgrade deletes a branch, unmerges
 * (updates the row and inserts the other parents) or updates one row. A parent that another
 * remaining head already implies (as ancestor or dependency) never gets a row of its own.
 */
final class HeadMaintainer {

    private final GraphIndex index;
    private final Set<String> heads;
    private Set<String> lastRows;
    private Set<String> lastAncestors;

    HeadMaintainer(GraphIndex index, Collection<String> current) {
        this.index = index;
        this.heads = new LinkedHashSet<>(current);
    }

    /** The rows after every step so far, sorted. */
    List<String> heads() {
        return List.copyOf(new TreeSet<>(heads));
    }

    MigrationStep step(String id, Direction direction) {
        VersionDelta delta = direction == Direction.UPGRADE ? upgrade(id) : downgrade(id);
        heads.removeAll(delta.deleted());
        delta.updated().forEach(u -> {
            heads.remove(u.from());
            heads.add(u.to());
        });
        heads.addAll(delta.inserted());
        return new MigrationStep(index.revision(id), direction, delta);
    }

    private VersionDelta upgrade(String id) {
        List<String> downs = index.normalizedDowns(id);
        List<String> present = downs.stream().filter(heads::contains).toList();
        if (present.isEmpty()) {
            return insert(id); // a base, or a branch whose parents are implied by other rows
        }
        if (downs.size() > 1 && present.size() > 1) {
            List<String> from = new ArrayList<>(downs);
            Set<String> others = new LinkedHashSet<>(heads);
            others.removeAll(downs);
            if (!others.isEmpty()) {
                from.removeAll(ancestorsOf(others));
            }
            from.retainAll(heads);
            String last = from.remove(from.size() - 1);
            return new VersionDelta(from, List.of(new VersionDelta.RowUpdate(last, id)), List.of());
        }
        return update(present.get(0), id);
    }

    private VersionDelta downgrade(String id) {
        if (!heads.contains(id)) {
            throw new IllegalStateException("downgrade of " + id + " which is not a head of " + heads);
        }
        List<String> downs = index.normalizedDowns(id);
        List<String> to = unmergeTo(id, downs);
        if (to.isEmpty()) {
            return new VersionDelta(List.of(id), List.of(), List.of());
        }
        if (downs.size() > 1) {
            String last = to.get(to.size() - 1);
            return new VersionDelta(List.of(), List.of(new VersionDelta.RowUpdate(id, last)),
                    to.subList(0, to.size() - 1));
        }
        return update(id, downs.get(0));
    }

    /**
     * Alembic's {@code _unmerge_to_revisions}: the parents that must become rows again, i.e. those
     * not already implied by another remaining head (or, alone, by one another).
     */
    private List<String> unmergeTo(String id, List<String> downs) {
        Set<String> others = new LinkedHashSet<>(heads);
        others.remove(id);
        if (others.isEmpty() && downs.size() == 1) {
            return downs; // a lone parent is never implied by itself: skip the ancestor walk
        }
        Set<String> implied = new LinkedHashSet<>();
        if (!others.isEmpty()) {
            implied.addAll(ancestorsOf(others));
        } else {
            for (String down : downs) {
                Set<String> below = index.ancestors(List.of(down), true);
                below.remove(down);
                implied.addAll(below);
            }
        }
        return downs.stream().filter(d -> !implied.contains(d)).toList();
    }

    /**
     * Ancestors of the other rows, remembered for the last set asked: while one branch is walked
     * down, the rows of the other branches do not change, and a long downgrade would otherwise
     * walk their whole history at every step.
     */
    private Set<String> ancestorsOf(Set<String> rows) {
        if (!rows.equals(lastRows)) {
            lastRows = Set.copyOf(rows);
            lastAncestors = index.ancestors(rows, true);
        }
        return lastAncestors;
    }

    private static VersionDelta insert(String id) {
        return new VersionDelta(List.of(), List.of(), List.of(id));
    }

    private static VersionDelta update(String from, String to) {
        return new VersionDelta(List.of(), List.of(new VersionDelta.RowUpdate(from, to)), List.of());
    }
}
