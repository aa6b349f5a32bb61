package dev.drover.orchestrator.graph;

import static dev.drover.orchestrator.graph.Graphs.describe;
import static dev.drover.orchestrator.graph.Graphs.set;
import static dev.drover.orchestrator.graph.Graphs.simulate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Downgrade plans. Expectations follow Alembic's {@code _collect_downgrade_revisions} (roots =
 * children of the destination, restricted to the named branch; everything above them that is
 * applied goes), {@code _topological_sort} from the current heads, and the downgrade side of
 * {@code HeadMaintainer} (delete branch, unmerge, update).
 */
class DowngradePlanTest {

    @Test
    void linear() {
        RevisionGraph graph = Graphs.linear();
        List<MigrationStep> plan = graph.planDowngrade(List.of("l4"), "l2");
        assertThat(describe(plan)).containsExactly("down l4: l4>l3", "down l3: l3>l2");
        assertThat(plan).allMatch(step -> step.direction() == Direction.DOWNGRADE);
        assertThat(simulate(List.of("l4"), plan)).isEqualTo(set("l2"));
        assertThat(describe(graph.planDowngrade(List.of("l4"), "-1"))).containsExactly("down l4: l4>l3");
        assertThat(describe(graph.planDowngrade(List.of("l4"), "l4-2"))).containsExactly("down l4: l4>l3", "down l3: l3>l2");
    }

    @Test
    void linearToBaseDeletesTheLastRow() {
        List<MigrationStep> plan = Graphs.linear().planDowngrade(List.of("l2"), "base");
        assertThat(describe(plan)).containsExactly("down l2: l2>l1", "down l1: -l1");
        assertThat(simulate(List.of("l2"), plan)).isEmpty();
        assertThat(describe(Graphs.linear().planDowngrade(List.of("l1"), "-1"))).containsExactly("down l1: -l1");
    }

    @Test
    void alreadyThereIsEmpty() {
        assertThat(Graphs.linear().planDowngrade(List.of("l2"), "l2")).isEmpty();
        assertThat(Graphs.linear().planDowngrade(List.of(), "base")).isEmpty();
        assertThat(Graphs.branches().planDowngrade(List.of("a2", "b2"), "a2")).isEmpty();
    }

    @Test
    void newerDestinationPointsToUpgrade() {
        RevisionGraph graph = Graphs.linear();
        assertThatThrownBy(() -> graph.planDowngrade(List.of("l2"), "l4"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Downgrade destination 'l4' (versions/l4.sql) is newer than the current"
                        + " revision(s) 'l2' (versions/l2.sql); use 'drover upgrade l4' to move forward");
        assertThatThrownBy(() -> graph.planDowngrade(List.of(), "l1"))
                .hasMessageEndingWith("use 'drover upgrade l1' to move forward");
        assertThatThrownBy(() -> graph.planDowngrade(List.of("l2"), "head"))
                .hasMessageStartingWith("Downgrade destination 'head' ('l4' (versions/l4.sql)) is newer");
        assertThatThrownBy(() -> graph.planDowngrade(List.of("l2"), "+1"))
                .hasMessage("Relative revision '+1' moves towards head; use 'drover upgrade +1'");
    }

    @Test
    void destinationOnAnUnappliedBranch() {
        assertThatThrownBy(() -> Graphs.branches().planDowngrade(List.of("a2"), "b1"))
                .hasMessageContaining("is not applied on this target, whose current revision(s) are 'a2' (versions/a2.sql)")
                .hasMessageEndingWith("pick a revision shown by 'drover history -r base:current'");
    }

    @Test
    void oneBranchLeavesTheOther() {
        RevisionGraph graph = Graphs.branches();
        List<MigrationStep> plan = graph.planDowngrade(List.of("a2", "b2"), "alpha@-1");
        assertThat(describe(plan)).containsExactly("down a2: a2>a1");
        assertThat(simulate(List.of("a2", "b2"), plan)).isEqualTo(set("a1", "b2"));
        assertThat(describe(graph.planDowngrade(List.of("a2", "b2"), "a1"))).containsExactly("down a2: a2>a1");
    }

    @Test
    void oneBranchDownToTheBranchPoint() {
        // 'alpha@x1': roots = children of x1 on alpha's side only (a1). a1's parent x1 is implied
        // by b2, so a1's row is deleted rather than moved to x1.
        List<MigrationStep> plan = Graphs.branches().planDowngrade(List.of("a2", "b2"), "alpha@x1");
        assertThat(describe(plan)).containsExactly("down a2: a2>a1", "down a1: -a1");
        assertThat(simulate(List.of("a2", "b2"), plan)).isEqualTo(set("b2"));
    }

    /*
     * Deliberate difference: with one shared base Alembic does not filter its roots by branch and
     * 'alpha@base' would downgrade every branch to base. Drover removes the revisions carrying the
     * label only. With a base of the branch's own (crossDependency below) both agree.
     */
    @Test
    void labelBaseRemovesOnlyThatBranch() {
        List<MigrationStep> plan = Graphs.branches().planDowngrade(List.of("a2", "b2"), "alpha@base");
        assertThat(describe(plan)).containsExactly("down a2: a2>a1", "down a1: -a1");
        assertThat(simulate(List.of("a2", "b2"), plan)).isEqualTo(set("b2"));
    }

    @Test
    void bothBranchesToTheBranchPoint() {
        // sort from (a2, b2): a2 a1 b2 b1. a1 is deleted (b2 still implies x1), b1 becomes x1.
        List<MigrationStep> plan = Graphs.branches().planDowngrade(List.of("a2", "b2"), "x1");
        assertThat(describe(plan)).containsExactly("down a2: a2>a1", "down a1: -a1", "down b2: b2>b1", "down b1: b1>x1");
        assertThat(simulate(List.of("a2", "b2"), plan)).isEqualTo(set("x1"));
    }

    @Test
    void everythingToBase() {
        List<MigrationStep> plan = Graphs.branches().planDowngrade(List.of("a2", "b2"), "base");
        assertThat(describe(plan)).containsExactly("down a2: a2>a1", "down a1: -a1", "down b2: b2>b1",
                "down b1: b1>x1", "down x1: x1>x0", "down x0: -x0");
        assertThat(simulate(List.of("a2", "b2"), plan)).isEmpty();
    }

    @Test
    void ambiguousRelativeDowngrade() {
        assertThatThrownBy(() -> Graphs.branches().planDowngrade(List.of("a2", "b2"), "-1"))
                .hasMessageEndingWith("use '<branch>@-1' or '<rev>-1'");
        assertThatThrownBy(() -> Graphs.branches().planDowngrade(List.of("a2", "b2"), "heads"))
                .hasMessageStartingWith("Multiple heads are present for given argument 'heads'");
    }

    @Test
    void throughAMergeUnmerges() {
        // m1 down with no other head: unmerge to (a2, b2): update m1 -> b2, insert a2
        List<MigrationStep> plan = Graphs.merged().planDowngrade(List.of("m2"), "a2");
        assertThat(describe(plan)).containsExactly("down m2: m2>m1", "down m1: m1>b2 +a2");
        assertThat(simulate(List.of("m2"), plan)).isEqualTo(set("a2", "b2"));
    }

    @Test
    void throughAMergeToTheBranchPoint() {
        // sort from m2: m2 m1, then (a2, b2): a2 a1, b2 b1
        List<MigrationStep> plan = Graphs.merged().planDowngrade(List.of("m2"), "x1");
        assertThat(describe(plan)).containsExactly("down m2: m2>m1", "down m1: m1>b2 +a2", "down a2: a2>a1",
                "down a1: -a1", "down b2: b2>b1", "down b1: b1>x1");
        assertThat(simulate(List.of("m2"), plan)).isEqualTo(set("x1"));
    }

    @Test
    void mergedBranchByLabelBase() {
        // alpha covers a1 a2 m1 m2: they all go, b2 stays
        List<MigrationStep> plan = Graphs.merged().planDowngrade(List.of("m2"), "alpha@base");
        assertThat(describe(plan)).containsExactly("down m2: m2>m1", "down m1: m1>b2 +a2", "down a2: a2>a1", "down a1: -a1");
        assertThat(simulate(List.of("m2"), plan)).isEqualTo(set("b2"));
    }

    @Test
    void dependencyBranchTakesItsDependentsAlong() {
        // alpha@base drops a1 and everything depending on it: b2 b3. Sort from b3: b3 b2 a2 a1.
        // b2 unmerges to (b1, a2) since neither implies the other.
        List<MigrationStep> plan = Graphs.crossDependency().planDowngrade(List.of("b3"), "alpha@base");
        assertThat(describe(plan)).containsExactly("down b3: b3>b2", "down b2: b2>a2 +b1", "down a2: a2>a1", "down a1: -a1");
        assertThat(simulate(List.of("b3"), plan)).isEqualTo(set("b1"));
    }

    @Test
    void dependentBranchLeavesItsDependencyApplied() {
        List<MigrationStep> plan = Graphs.crossDependency().planDowngrade(List.of("b3"), "beta@base");
        assertThat(describe(plan)).containsExactly("down b3: b3>b2", "down b2: b2>a2 +b1", "down b1: -b1");
        assertThat(simulate(List.of("b3"), plan)).isEqualTo(set("a2"));
    }

    @Test
    void dependencyDowngradedBelowItsDependent() {
        // roots = children of a1 = a2; b2 depends on a2 so b2 and b3 go too
        List<MigrationStep> plan = Graphs.crossDependency().planDowngrade(List.of("b3"), "a1");
        assertThat(describe(plan)).containsExactly("down b3: b3>b2", "down b2: b2>a2 +b1", "down a2: a2>a1");
        assertThat(simulate(List.of("b3"), plan)).isEqualTo(set("a1", "b1"));
    }

    @Test
    void crossDependencyToBase() {
        List<MigrationStep> plan = Graphs.crossDependency().planDowngrade(List.of("b3"), "base");
        assertThat(describe(plan)).containsExactly("down b3: b3>b2", "down b2: b2>a2 +b1", "down b1: -b1",
                "down a2: a2>a1", "down a1: -a1");
        assertThat(simulate(List.of("b3"), plan)).isEmpty();
    }
}
