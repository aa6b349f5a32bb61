package dev.drover.orchestrator.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans {@code stamp}: the version rows change, no script runs. After Alembic's
 * {@code ScriptDirectory._stamp_revs}: a destination already present changes nothing; one that is
 * an ancestor or descendant (dependencies included) of current rows replaces those rows; an
 * unrelated one is added; {@code base} removes the rows (of the named branch, for
 * {@code <label>@base}). With {@code purge} every current row is deleted first, even one the
 * script directory does not know, which is how a target with a foreign revision is repaired.
 */
final class StampPlanner {

    private final GraphIndex index;
    private final SpecifierResolver resolver;
    private final MigrationPlanner planner;

    StampPlanner(GraphIndex index, SpecifierResolver resolver, MigrationPlanner planner) {
        this.index = index;
        this.resolver = resolver;
        this.planner = planner;
    }

    VersionDelta stamp(Collection<String> current, Collection<String> destinations, boolean purge) {
        if (destinations.isEmpty()) {
            throw new RevisionException("Stamp needs at least one destination; give a revision, 'head',"
                    + " 'heads' or 'base'");
        }
        if (purge) {
            Set<String> inserted = new TreeSet<>();
            for (String spec : destinations) {
                inserted.addAll(resolver.resolve(spec, List.of()));
            }
            return new VersionDelta(List.copyOf(new TreeSet<>(current)), List.of(), List.copyOf(inserted));
        }
        List<String> heads = planner.checkCurrent(current);
        Set<String> rows = new LinkedHashSet<>(heads);
        for (String spec : destinations) {
            SpecifierResolver.Target target = resolver.target(spec, heads);
            if (target.ids().isEmpty()) {
                rows.removeAll(relatedToBase(heads, target.branch()));
            }
            for (String id : target.ids()) {
                if (!heads.contains(id)) {
                    rows.removeAll(related(heads, id));
                    rows.add(id);
                }
            }
        }
        List<String> deleted = heads.stream().filter(h -> !rows.contains(h)).toList();
        List<String> inserted = new ArrayList<>(new TreeSet<>(rows));
        inserted.removeAll(heads);
        return new VersionDelta(deleted, List.of(), inserted);
    }

    private List<String> related(List<String> heads, String id) {
        return heads.stream().filter(h -> index.sharesLineage(h, List.of(id), true)).toList();
    }

    private List<String> relatedToBase(List<String> heads, String branch) {
        if (branch == null) {
            return heads;
        }
        return related(heads, resolver.branchRevision(branch));
    }
}
