package dev.drover.orchestrator.graph;

import static dev.drover.orchestrator.graph.Graphs.graph;
import static dev.drover.orchestrator.graph.Graphs.ids;
import static dev.drover.orchestrator.graph.Graphs.labelled;
import static dev.drover.orchestrator.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionGraphQueryTest {

    @Test
    void findAndGet() {
        RevisionGraph graph = Graphs.linear();
        assertThat(graph.find("l2")).map(Revision::id).contains("l2");
        assertThat(graph.find("l")).isEmpty(); // no prefix matching
        assertThatThrownBy(() -> graph.get("zz")).isInstanceOf(RevisionException.class)
                .hasMessageEndingWith("check the id with 'drover history'");
    }

    /** A fleet asks the same question for every target: the answer is remembered, a refusal is not. */
    @Test
    void theSameUpgradeQuestionGetsTheSameImmutableAnswerAndARefusalRepeats() {
        RevisionGraph graph = Graphs.branches();
        var first = graph.planUpgrade(java.util.List.of("x1"), "a2");

        assertThat(graph.planUpgrade(java.util.List.of("x1"), "a2")).isSameAs(first);
        assertThat(graph.planUpgrade(java.util.List.of("x1"), "b2")).isNotEqualTo(first);
        assertThatThrownBy(() -> first.clear()).isInstanceOf(UnsupportedOperationException.class);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> graph.planUpgrade(java.util.List.of(), "head")).isInstanceOf(RevisionException.class);
        }
    }

    @Test
    void revisionsAreInAlembicUpgradeOrder() {
        // Alembic's topological sort walks heads first, finishing a2's branch before b2's, then
        // reverses for an upgrade: the branch of the later head (b2) is applied first.
        assertThat(ids(Graphs.linear().revisions())).isEqualTo("l1 l2 l3 l4");
        assertThat(ids(Graphs.branches().revisions())).isEqualTo("x0 x1 b1 b2 a1 a2");
        assertThat(ids(Graphs.merged().revisions())).isEqualTo("x0 x1 b1 b2 a1 a2 m1 m2");
        assertThat(ids(Graphs.crossDependency().revisions())).isEqualTo("a1 a2 b1 b2 b3");
    }

    @Test
    void headsBasesChildren() {
        RevisionGraph graph = Graphs.branches();
        assertThat(graph.heads()).containsExactly("a2", "b2");
        assertThat(graph.bases()).containsExactly("x0");
        assertThat(graph.children("x1")).containsExactly("a1", "b1");
        assertThat(graph.isBranchPoint("x1")).isTrue();
        assertThat(graph.isBranchPoint("a1")).isFalse();
        assertThat(Graphs.merged().isMergePoint("m1")).isTrue();
        assertThat(Graphs.merged().isMergePoint("m2")).isFalse();
        assertThatThrownBy(() -> graph.children("zz")).isInstanceOf(RevisionException.class);
    }

    @Test
    void aDependedOnHeadIsAHeadButNotAmongHeadsSpecifier() {
        // Alembic: 'heads' property keeps a2 (no down_revision child); the 'heads' specifier uses
        // _real_heads, where a2 is implied by b3 through depends_on.
        RevisionGraph graph = Graphs.crossDependency();
        assertThat(graph.heads()).containsExactly("a2", "b3");
        assertThat(graph.bases()).containsExactly("a1", "b1");
        assertThat(graph.resolve("heads", List.of())).containsExactly("b3");
    }

    @Test
    void branchLabelsPropagateToTheBranchDownToTheBranchPoint() {
        RevisionGraph graph = Graphs.branches();
        assertThat(graph.branchLabels("a1")).containsExactly("alpha");
        assertThat(graph.branchLabels("a2")).containsExactly("alpha");
        assertThat(graph.branchLabels("b2")).containsExactly("beta");
        assertThat(graph.branchLabels("x1")).isEmpty(); // the branch point itself is shared
        assertThat(graph.branchLabels("x0")).isEmpty();
    }

    @Test
    void labelDeclaredHigherUpAlsoCoversItsAncestorsUpToTheBranchPoint() {
        // x0 -> x1 -> {a1 -> a2 (alpha) -> a3, b1}: Alembic walks down from the branch to x1
        RevisionGraph graph = graph(rev("x0"), rev("x1", "x0"), rev("a1", "x1"),
                labelled("a2", "alpha", "a1"), rev("a3", "a2"), rev("b1", "x1"));
        assertThat(graph.branchLabels("a1")).containsExactly("alpha");
        assertThat(graph.branchLabels("a3")).containsExactly("alpha");
        assertThat(graph.branchLabels("x1")).isEmpty();
        assertThat(graph.branchLabels("b1")).isEmpty();
    }

    @Test
    void labelCoversNoAncestorWhenItsBranchForksOrMergesLater() {
        // Alembic walks down from the last descendant it visited and stops at the first branch or
        // merge point, so a branch that forks again (a3, a4) or is depended on never labels a1.
        RevisionGraph forks = graph(rev("x0"), rev("x1", "x0"), rev("a1", "x1"),
                labelled("a2", "alpha", "a1"), rev("a3", "a2"), rev("a4", "a2"), rev("b1", "x1"));
        assertThat(forks.branchLabels("a1")).isEmpty();
        assertThat(forks.branchLabels("a2")).containsExactly("alpha");
        assertThat(forks.branchLabels("a4")).containsExactly("alpha");
        RevisionGraph dependedOn = graph(rev("c1"), labelled("c2", "crm", "c1"), rev("c3", "c2"),
                Graphs.dependent("d1", List.of("c2")));
        assertThat(dependedOn.branchLabels("c1")).isEmpty();
        assertThat(dependedOn.branchLabels("c3")).containsExactly("crm");
        assertThat(dependedOn.branchLabels("d1")).isEmpty(); // dependents do not inherit labels
    }

    @Test
    void labelOnASeparateLineageCoversItsBase() {
        RevisionGraph graph = graph(rev("c1"), labelled("c2", "crm", "c1"), rev("c3", "c2"), rev("d1"));
        assertThat(graph.branchLabels("c1")).containsExactly("crm");
        assertThat(graph.branchLabels("d1")).isEmpty();
    }

    @Test
    void mergePointCarriesTheLabelsOfEveryMergedBranch() {
        RevisionGraph graph = Graphs.merged();
        assertThat(graph.branchLabels("m1")).containsExactly("alpha", "beta");
        assertThat(graph.branchLabels("m2")).containsExactly("alpha", "beta");
    }

    @Test
    void historyListsNewestFirst() {
        assertThat(ids(Graphs.linear().history(null, List.of()))).isEqualTo("l4 l3 l2 l1");
        assertThat(ids(Graphs.branches().history("", List.of()))).isEqualTo("a2 a1 b2 b1 x1 x0");
    }

    @Test
    void historyRanges() {
        RevisionGraph graph = Graphs.linear();
        assertThat(ids(graph.history("l2:l3", List.of()))).isEqualTo("l3 l2");
        assertThat(ids(graph.history(":l2", List.of()))).isEqualTo("l2 l1");
        assertThat(ids(graph.history("l3:", List.of()))).isEqualTo("l4 l3");
        assertThat(ids(graph.history("base:head", List.of()))).isEqualTo("l4 l3 l2 l1");
        assertThat(ids(graph.history("current:", List.of("l2")))).isEqualTo("l4 l3 l2");
        assertThat(ids(graph.history(":current", List.of("l2")))).isEqualTo("l2 l1");
        assertThat(ids(graph.history("-2:", List.of()))).isEqualTo("l4 l3 l2"); // from heads, as alembic history -r-2:
        assertThat(ids(graph.history("l1+1:l1+2", List.of()))).isEqualTo("l3 l2");
    }

    @Test
    void historyRelativeWalksStopAtTheEndsLikeAlembic() {
        RevisionGraph graph = Graphs.linear();
        assertThat(ids(graph.history("-10:", List.of()))).isEqualTo("l4 l3 l2 l1");
        assertThat(ids(graph.history("l2:l2+10", List.of()))).isEqualTo("l4 l3 l2");
    }

    @Test
    void historyWithDependencies() {
        RevisionGraph graph = Graphs.crossDependency();
        // b3 needs a2 through b2's depends_on; Alembic lists the dependency branch after the
        // revision that needs it
        assertThat(ids(graph.history(null, List.of()))).isEqualTo("b3 b2 b1 a2 a1");
        // from b1: only b1's descendants, not the dependency branch
        assertThat(ids(graph.history("b1:", List.of()))).isEqualTo("b3 b2 b1");
        // a1 is below b3 only through depends_on: the revisions between are a1's branch
        // (Alembic 1.8.1 fails an internal assertion on this range)
        assertThat(ids(graph.history("a1:b3", List.of()))).isEqualTo("a2 a1");
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<Revision> revisions = Graphs.branchRevisions();
        java.util.Collections.reverse(revisions);
        RevisionGraph reversed = RevisionGraph.of(revisions);
        assertThat(ids(reversed.revisions())).isEqualTo(ids(Graphs.branches().revisions()));
        assertThat(Graphs.describe(reversed.planUpgrade(List.of(), "heads")))
                .isEqualTo(Graphs.describe(Graphs.branches().planUpgrade(List.of(), "heads")));
    }

    @Test
    void planStepsCarryTheDeclaredRevision() {
        MigrationStep first = Graphs.linear().planUpgrade(List.of(), "+1").get(0);
        assertThat(first.revision().source()).isEqualTo("versions/l1.sql");
    }

    @Test
    void historyOnOneBranchStaysOnIt() {
        RevisionGraph graph = Graphs.branches();
        assertThat(ids(graph.history("x1:alpha@head", List.of()))).isEqualTo("a2 a1 x1");
        assertThat(ids(graph.history("b1:", List.of()))).isEqualTo("b2 b1");
    }

    @Test
    void historyErrors() {
        RevisionGraph graph = Graphs.linear();
        assertThatThrownBy(() -> graph.history("l3:l1", List.of()))
                .hasMessageContaining("'l3' (versions/l3.sql) is not an ancestor of 'l1' (versions/l1.sql)")
                .hasMessageEndingWith("write the range as older:newer");
        assertThatThrownBy(() -> graph.history("l2", List.of()))
                .hasMessageEndingWith("use e.g. 'base:head', 'current:' or ':-3'");
    }
}
