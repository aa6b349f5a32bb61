package dev.drover.orchestrator.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** In-memory graphs and a version-table simulation for the graph tests. */
final class Graphs {

    private Graphs() {}

    /** A revision declared in {@code versions/<id>.sql}. */
    static Revision rev(String id, String... downs) {
        return new Revision(id, List.of(downs), List.of(), List.of(), "", source(id));
    }

    static Revision labelled(String id, String label, String... downs) {
        return new Revision(id, List.of(downs), List.of(label), List.of(), "", source(id));
    }

    static Revision dependent(String id, List<String> dependsOn, String... downs) {
        return new Revision(id, List.of(downs), List.of(), dependsOn, "", source(id));
    }

    static Revision full(String id, List<String> downs, List<String> labels, List<String> dependsOn) {
        return new Revision(id, downs, labels, dependsOn, "", source(id));
    }

    static String source(String id) {
        return "versions/" + id + ".sql";
    }

    static RevisionGraph graph(Revision... revisions) {
        return RevisionGraph.of(Arrays.asList(revisions));
    }

    /** l1 -> l2 -> l3 -> l4 */
    static RevisionGraph linear() {
        return graph(rev("l1"), rev("l2", "l1"), rev("l3", "l2"), rev("l4", "l3"));
    }

    /** x0 -> x1, then x1 -> a1 (alpha) -> a2 and x1 -> b1 (beta) -> b2. */
    static List<Revision> branchRevisions() {
        return new ArrayList<>(List.of(rev("x0"), rev("x1", "x0"),
                labelled("a1", "alpha", "x1"), rev("a2", "a1"),
                labelled("b1", "beta", "x1"), rev("b2", "b1")));
    }

    static RevisionGraph branches() {
        return RevisionGraph.of(branchRevisions());
    }

    /** {@link #branches()} plus m1 merging a2 and b2, then m2. */
    static RevisionGraph merged() {
        List<Revision> revisions = branchRevisions();
        revisions.add(rev("m1", "a2", "b2"));
        revisions.add(rev("m2", "m1"));
        return RevisionGraph.of(revisions);
    }

    /** Two bases: a1 (alpha) -> a2 and b1 (beta) -> b2 -> b3, where b2 depends_on a2. */
    static RevisionGraph crossDependency() {
        return graph(labelled("a1", "alpha"), rev("a2", "a1"),
                labelled("b1", "beta"), dependent("b2", List.of("a2"), "b1"), rev("b3", "b2"));
    }

    /**
     * Steps in a compact form: {@code up a1: +a1}, {@code up m1: -a2 b2>m1},
     * {@code down m1: m1>b2 +a2}, {@code down a1: -a1}.
     */
    static List<String> describe(List<MigrationStep> steps) {
        return steps.stream().map(Graphs::describe).toList();
    }

    static String describe(MigrationStep step) {
        List<String> parts = new ArrayList<>();
        step.delta().deleted().forEach(d -> parts.add("-" + d));
        step.delta().updated().forEach(u -> parts.add(u.from() + ">" + u.to()));
        step.delta().inserted().forEach(i -> parts.add("+" + i));
        String direction = step.direction() == Direction.UPGRADE ? "up " : "down ";
        return direction + step.revision().id() + ": " + String.join(" ", parts);
    }

    /**
     * Applies each step's delta the way the runtime does (deleted, updated, inserted), failing
     * where a database would: deleting or updating a missing row, inserting a duplicate.
     */
    static Set<String> simulate(Collection<String> start, List<MigrationStep> steps) {
        Set<String> rows = new TreeSet<>(start);
        List<String> viaApplyTo = List.copyOf(rows);
        for (MigrationStep step : steps) {
            apply(rows, step.delta());
            viaApplyTo = step.delta().applyTo(viaApplyTo);
            // VersionDelta.applyTo (the runtime's heads when they cannot be read back) must agree step by step.
            assertThat(viaApplyTo).as("applyTo after %s", step.revision().id()).containsExactlyElementsOf(rows);
        }
        return rows;
    }

    static void apply(Set<String> rows, VersionDelta delta) {
        for (String deleted : delta.deleted()) {
            assertThat(rows.remove(deleted)).as("row %s present for delete in %s", deleted, rows).isTrue();
        }
        for (VersionDelta.RowUpdate update : delta.updated()) {
            assertThat(rows.remove(update.from())).as("row %s present for update", update.from()).isTrue();
            assertThat(rows.add(update.to())).as("row %s absent before update", update.to()).isTrue();
        }
        for (String inserted : delta.inserted()) {
            assertThat(rows.add(inserted)).as("row %s absent before insert", inserted).isTrue();
        }
    }

    static Set<String> set(String... ids) {
        return new TreeSet<>(List.of(ids));
    }

    static String ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).collect(Collectors.joining(" "));
    }
}
