package dev.drover.orchestrator.graph;

import static dev.drover.orchestrator.graph.RevisionText.quote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans upgrades and downgrades, after Alembic's {@code _collect_upgrade_revisions} (with
 * {@code implicit_base}, as {@code alembic upgrade} uses it) and {@code _collect_downgrade_revisions},
 * ordering steps with {@link TopologicalSort} and deriving each step's version-table change with
 * {@link HeadMaintainer}.
 */
final class MigrationPlanner {

    private final GraphIndex index;
    private final SpecifierResolver resolver;
    private final TopologicalSort sort;

    MigrationPlanner(GraphIndex index, SpecifierResolver resolver) {
        this.index = index;
        this.resolver = resolver;
        this.sort = new TopologicalSort(index);
    }

    List<MigrationStep> upgrade(Collection<String> current, String destination) {
        List<String> heads = checkRows(current);
        RelativeResolver.Relative rel = destination == null ? null : RelativeResolver.parse(destination.trim());
        if (rel != null && !rel.up() && rel.symbol() == null) {
            throw new RevisionException("Relative revision " + quote(rel.text())
                    + " moves towards base; use 'drover downgrade " + rel.text() + "'");
        }
        SpecifierResolver.Target resolved = resolver.target(destination, heads);
        List<String> targets = resolved.ids();
        if (targets.isEmpty()) {
            if (heads.stream().anyMatch(head -> onBranch(head, resolved.branch()))) {
                throw olderThanCurrent(destination, heads);
            }
            return List.of();
        }
        Set<String> behind = new LinkedHashSet<>();
        heads.forEach(head -> index.ancestors(List.of(head), false).stream()
                .filter(ancestor -> !ancestor.equals(head)).forEach(behind::add));
        for (String target : targets) {
            if (behind.contains(target)) {
                throw olderThanCurrent(destination, heads.stream()
                        .filter(head -> index.ancestors(List.of(head), false).contains(target)).toList());
            }
        }
        Set<String> needs = index.ancestors(targets, true);
        needs.removeAll(index.ancestors(heads, true));
        return steps(sort.basesFirst(needs, targets), Direction.UPGRADE, heads);
    }

    List<MigrationStep> downgrade(Collection<String> current, String destination) {
        List<String> heads = checkRows(current);
        RelativeResolver.Relative rel = destination == null ? null : RelativeResolver.parse(destination.trim());
        if (rel != null && rel.up() && rel.symbol() == null) {
            throw new RevisionException("Relative revision " + quote(rel.text())
                    + " moves towards head; use 'drover upgrade " + rel.text() + "'");
        }
        SpecifierResolver.Target resolved = resolver.target(destination, heads);
        if (resolved.ids().size() > 1) {
            throw resolver.multipleHeads(destination, resolved.ids());
        }
        String target = resolved.ids().isEmpty() ? null : resolved.ids().get(0);
        Set<String> active = index.ancestors(heads, true);
        if (target != null && !active.contains(target)) {
            throw notDowngradeTarget(destination, target, heads);
        }
        Set<String> drop = index.descendants(roots(target, resolved.branch(), destination), true);
        drop.retainAll(active);
        return steps(sort.headsFirst(drop, heads), Direction.DOWNGRADE, heads);
    }

    /** Whether a current head belongs to the named branch ({@code null}: any branch). */
    private boolean onBranch(String head, String branch) {
        return branch == null || index.sharesLineage(head, List.of(resolver.branchRevision(branch)), false);
    }

    /** The lowest revisions a downgrade removes: everything from them upwards goes. */
    private List<String> roots(String target, String branch, String destination) {
        if (target == null) {
            if (branch == null) {
                return index.bases;
            }
            if (index.labelOwner(branch) != null) {
                return labelRoots(branch);
            }
            // a relative walk to base from one head: that head's bases only
            Set<String> below = index.ancestors(List.of(resolver.branchRevision(branch)), false);
            return index.bases.stream().filter(below::contains).toList();
        }
        List<String> roots = List.copyOf(index.nextrev.get(target));
        if (branch != null && roots.size() > 1) {
            Set<String> onBranch = index.ancestors(List.of(resolver.branchRevision(branch)), false);
            roots = roots.stream().filter(onBranch::contains).toList();
            if (roots.isEmpty()) {
                throw new RevisionException("Destination " + quote(destination) + " is not a valid downgrade"
                        + " target on branch " + quote(branch) + "; pick a revision of that branch");
            }
        }
        return roots;
    }

    /**
     * {@code <label>@base}: the first revisions carrying the label. Alembic takes the bases below
     * the label instead, which for a branch that forks off a shared history would remove every
     * branch; Drover removes only the labelled branch. Both agree for a branch with its own base.
     */
    private List<String> labelRoots(String label) {
        List<String> roots = new ArrayList<>();
        for (String id : index.byId.keySet()) {
            if (index.effectiveLabels.get(id).contains(label)
                    && index.versionedDowns(id).stream().noneMatch(d -> index.effectiveLabels.get(d).contains(label))) {
                roots.add(id);
            }
        }
        return roots;
    }

    private List<MigrationStep> steps(List<String> order, Direction direction, List<String> heads) {
        HeadMaintainer maintainer = new HeadMaintainer(index, heads);
        List<MigrationStep> steps = new ArrayList<>();
        order.forEach(id -> steps.add(maintainer.step(id, direction)));
        return steps;
    }

    /** @return the current heads, distinct and sorted, each known to the graph */
    List<String> checkCurrent(Collection<String> current) {
        List<String> heads = List.copyOf(new TreeSet<>(current));
        for (String id : heads) {
            if (!index.byId.containsKey(id)) {
                throw new RevisionException("Current revision " + quote(id)
                        + " in the version table is not in the script directory"
                        + "; check version_locations, or stamp this target alone to a known revision with "
                        + "'drover -n SECTION -t TENANT stamp <revision> --purge'");
            }
        }
        return heads;
    }

    /**
     * {@link #checkCurrent}, and refuses rows where one is an ancestor of another (Alembic's
     * "overlaps with other requested revisions"): no plan can be derived from such a table.
     */
    List<String> checkRows(Collection<String> current) {
        List<String> heads = checkCurrent(current);
        for (String head : heads) {
            Set<String> below = index.ancestors(List.of(head), true);
            for (String other : heads) {
                if (!other.equals(head) && below.contains(other)) {
                    throw new RevisionException("Version table rows " + index.describe(other) + " and "
                            + index.describe(head) + " overlap: " + quote(other) + " is an ancestor of "
                            + quote(head) + "; repair this target's table alone with "
                            + "'drover -n SECTION -t TENANT stamp <revision> --purge'");
                }
            }
        }
        return heads;
    }

    private RevisionException olderThanCurrent(String destination, List<String> heads) {
        return new RevisionException("Upgrade destination " + quote(destination)
                + " is older than the current revision(s) " + index.describeAll(heads)
                + "; use 'drover downgrade " + destination + "' to move back");
    }

    private RevisionException notDowngradeTarget(String destination, String target, List<String> heads) {
        String what = destination.trim().equals(target)
                ? index.describe(target)
                : quote(destination) + " (" + index.describe(target) + ")";
        if (heads.isEmpty() || index.descendants(heads, true).contains(target)) {
            return new RevisionException("Downgrade destination " + what
                    + " is newer than the current revision(s) " + quoteOrBase(heads)
                    + "; use 'drover upgrade " + destination.trim() + "' to move forward");
        }
        return new RevisionException("Downgrade destination " + what
                + " is not applied on this target, whose current revision(s) are " + quoteOrBase(heads)
                + "; pick a revision shown by 'drover history -r base:current'");
    }

    private String quoteOrBase(List<String> heads) {
        return heads.isEmpty() ? "'base'" : index.describeAll(heads);
    }
}
