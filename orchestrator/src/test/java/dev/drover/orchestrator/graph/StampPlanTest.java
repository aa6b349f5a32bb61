package dev.drover.orchestrator.graph;

import static dev.drover.orchestrator.graph.Graphs.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Stamp: expectations follow Alembic's {@code ScriptDirectory._stamp_revs} and {@code StampStep}. */
class StampPlanTest {

    private static Set<String> after(List<String> current, VersionDelta delta) {
        Set<String> rows = new TreeSet<>(current);
        Graphs.apply(rows, delta);
        return rows;
    }

    @Test
    void relatedDestinationReplacesTheRow() {
        RevisionGraph graph = Graphs.linear();
        VersionDelta up = graph.planStamp(List.of("l2"), List.of("head"), false);
        assertThat(up.deleted()).containsExactly("l2");
        assertThat(up.inserted()).containsExactly("l4");
        assertThat(after(List.of("l4"), graph.planStamp(List.of("l4"), List.of("l1"), false))).isEqualTo(set("l1"));
    }

    @Test
    void destinationAlreadyPresentChangesNothing() {
        assertThat(Graphs.linear().planStamp(List.of("l3"), List.of("l3"), false).isEmpty()).isTrue();
    }

    @Test
    void unrelatedDestinationIsAdded() {
        // a2 and b2 only share x1: neither is ancestor nor descendant of the other
        VersionDelta delta = Graphs.branches().planStamp(List.of("a2"), List.of("b2"), false);
        assertThat(delta.deleted()).isEmpty();
        assertThat(delta.inserted()).containsExactly("b2");
    }

    @Test
    void severalDestinationsFromTheBranchPoint() {
        RevisionGraph graph = Graphs.branches();
        assertThat(after(List.of("x1"), graph.planStamp(List.of("x1"), List.of("heads"), false))).isEqualTo(set("a2", "b2"));
        assertThat(after(List.of("a1", "b1"), graph.planStamp(List.of("a1", "b1"), List.of("a2", "b2"), false)))
                .isEqualTo(set("a2", "b2"));
        // down to the branch point: both rows collapse into x1 (Alembic's single merge-like step)
        assertThat(after(List.of("a2", "b2"), graph.planStamp(List.of("a2", "b2"), List.of("x1"), false))).isEqualTo(set("x1"));
    }

    @Test
    void stampingHeadsOverPartialRowsKeepsEveryBranch() {
        // Deliberate difference: Alembic 1.8.1 leaves only b2 here. It skips a2 (already a row),
        // then treats b2 as a "merge" of all rows related to 'heads' (a2 and b1), deleting a2's
        // row although a2 is applied. Drover replaces only the row b2 is related to.
        VersionDelta delta = Graphs.branches().planStamp(List.of("a2", "b1"), List.of("heads"), false);
        assertThat(after(List.of("a2", "b1"), delta)).isEqualTo(set("a2", "b2"));
    }

    @Test
    void mergeDestinationReplacesBothParents() {
        assertThat(after(List.of("a2", "b2"), Graphs.merged().planStamp(List.of("a2", "b2"), List.of("m1"), false)))
                .isEqualTo(set("m1"));
    }

    @Test
    void dependencyCountsAsRelated() {
        // b3 depends (through b2) on a2: stamping b3 over a2 replaces it, as Alembic filters
        // with include_dependencies=True
        assertThat(after(List.of("a2"), Graphs.crossDependency().planStamp(List.of("a2"), List.of("b3"), false)))
                .isEqualTo(set("b3"));
    }

    @Test
    void baseRemovesRows() {
        RevisionGraph graph = Graphs.branches();
        assertThat(after(List.of("a2", "b2"), graph.planStamp(List.of("a2", "b2"), List.of("base"), false))).isEmpty();
        assertThat(after(List.of("a2", "b2"), graph.planStamp(List.of("a2", "b2"), List.of("alpha@base"), false)))
                .isEqualTo(set("b2"));
    }

    @Test
    void purgeDeletesEveryRowEvenUnknownOnes() {
        VersionDelta delta = Graphs.linear().planStamp(List.of("zz", "l2"), List.of("head"), true);
        assertThat(delta.deleted()).containsExactly("l2", "zz");
        assertThat(delta.inserted()).containsExactly("l4");
        assertThat(after(List.of("zz", "l2"), delta)).isEqualTo(set("l4"));
        VersionDelta toBase = Graphs.linear().planStamp(List.of("l2"), List.of("base"), true);
        assertThat(after(List.of("l2"), toBase)).isEmpty();
    }

    @Test
    void unknownCurrentWithoutPurgeIsRefused() {
        assertThatThrownBy(() -> Graphs.linear().planStamp(List.of("zz"), List.of("head"), false))
                .hasMessageEndingWith("stamp this target alone to a known revision with"
                        + " 'drover -n SECTION -t TENANT stamp <revision> --purge'");
    }

    @Test
    void stampNeedsADestination() {
        assertThatThrownBy(() -> Graphs.linear().planStamp(List.of(), List.of(), false))
                .isInstanceOf(RevisionException.class);
    }
}
