package dev.drover.orchestrator.graph;

import static dev.drover.orchestrator.graph.Graphs.dependent;
import static dev.drover.orchestrator.graph.Graphs.describe;
import static dev.drover.orchestrator.graph.Graphs.graph;
import static dev.drover.orchestrator.graph.Graphs.labelled;
import static dev.drover.orchestrator.graph.Graphs.rev;
import static dev.drover.orchestrator.graph.Graphs.set;
import static dev.drover.orchestrator.graph.Graphs.simulate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upgrade plans. Each expectation is what Alembic's {@code _collect_upgrade_revisions} +
 * {@code _topological_sort} (reversed) + {@code HeadMaintainer.update_to_step} produce, derived by
 * hand in the comments; every plan is also replayed on a simulated version table.
 */
class UpgradePlanTest {

    @Test
    void linearFromEmpty() {
        List<MigrationStep> plan = Graphs.linear().planUpgrade(List.of(), "head");
        assertThat(describe(plan)).containsExactly("up l1: +l1", "up l2: l1>l2", "up l3: l2>l3", "up l4: l3>l4");
        assertThat(simulate(List.of(), plan)).isEqualTo(set("l4"));
        assertThat(plan).allMatch(step -> step.direction() == Direction.UPGRADE);
    }

    @Test
    void linearPartialAndRelative() {
        RevisionGraph graph = Graphs.linear();
        assertThat(describe(graph.planUpgrade(List.of("l2"), "heads"))).containsExactly("up l3: l2>l3", "up l4: l3>l4");
        assertThat(describe(graph.planUpgrade(List.of("l2"), "+1"))).containsExactly("up l3: l2>l3");
        assertThat(describe(graph.planUpgrade(List.of(), "+2"))).containsExactly("up l1: +l1", "up l2: l1>l2");
        assertThat(describe(graph.planUpgrade(List.of(), "l2"))).containsExactly("up l1: +l1", "up l2: l1>l2");
    }

    @Test
    void alreadyAtDestinationIsEmpty() {
        assertThat(Graphs.linear().planUpgrade(List.of("l4"), "head")).isEmpty();
        assertThat(Graphs.linear().planUpgrade(List.of(), "base")).isEmpty();
        assertThat(Graphs.merged().planUpgrade(List.of("m2"), "heads")).isEmpty();
        // base of a branch that is not applied: nothing to undo, nothing to do
        RevisionGraph separate = graph(labelled("c1", "crm"), rev("d1"));
        assertThat(separate.planUpgrade(List.of("d1"), "crm@base")).isEmpty();
        assertThatThrownBy(() -> separate.planUpgrade(List.of("c1"), "crm@base"))
                .hasMessageEndingWith("use 'drover downgrade crm@base' to move back");
    }

    @Test
    void olderDestinationPointsToDowngrade() {
        RevisionGraph graph = Graphs.linear();
        assertThatThrownBy(() -> graph.planUpgrade(List.of("l4"), "l2"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Upgrade destination 'l2' is older than the current revision(s) 'l4' (versions/l4.sql);"
                        + " use 'drover downgrade l2' to move back");
        assertThatThrownBy(() -> graph.planUpgrade(List.of("l4"), "base"))
                .hasMessageEndingWith("use 'drover downgrade base' to move back");
        assertThatThrownBy(() -> graph.planUpgrade(List.of("l4"), "-1"))
                .hasMessage("Relative revision '-1' moves towards base; use 'drover downgrade -1'");
    }

    @Test
    void unknownCurrentRevisionIsReported() {
        assertThatThrownBy(() -> Graphs.linear().planUpgrade(List.of("zz"), "head"))
                .hasMessage("Current revision 'zz' in the version table is not in the script directory;"
                        + " check version_locations, or stamp this target alone to a known revision with"
                        + " 'drover -n SECTION -t TENANT stamp <revision> --purge'");
    }

    @Test
    void overlappingRowsAreRefused() {
        assertThatThrownBy(() -> Graphs.linear().planUpgrade(List.of("l1", "l3"), "head"))
                .hasMessage("Version table rows 'l1' (versions/l1.sql) and 'l3' (versions/l3.sql) overlap:"
                        + " 'l1' is an ancestor of 'l3'; repair this target's table alone with"
                        + " 'drover -n SECTION -t TENANT stamp <revision> --purge'");
        assertThatThrownBy(() -> Graphs.crossDependency().planDowngrade(List.of("a2", "b3"), "base"))
                .hasMessageContaining("'a2' is an ancestor of 'b3'");
    }

    @Test
    void bothBranchesFromEmpty() {
        // Alembic sort from heads (a2, b2): a2 a1, then x1 is needed by b2: b2 b1 x1 x0.
        // Reversed: x0 x1 b1 b2 a1 a2. a1 finds no parent row (x1 became b1): new branch insert.
        List<MigrationStep> plan = Graphs.branches().planUpgrade(List.of(), "heads");
        assertThat(describe(plan)).containsExactly("up x0: +x0", "up x1: x0>x1", "up b1: x1>b1",
                "up b2: b1>b2", "up a1: +a1", "up a2: a1>a2");
        assertThat(simulate(List.of(), plan)).isEqualTo(set("a2", "b2"));
    }

    @Test
    void bothBranchesFromTheBranchPoint() {
        // needs {a1 a2 b1 b2}; sort: a2 a1 (x1 is not needed), b2 b1; reversed b1 b2 a1 a2
        List<MigrationStep> plan = Graphs.branches().planUpgrade(List.of("x1"), "heads");
        assertThat(describe(plan)).containsExactly("up b1: x1>b1", "up b2: b1>b2", "up a1: +a1", "up a2: a1>a2");
        assertThat(simulate(List.of("x1"), plan)).isEqualTo(set("a2", "b2"));
    }

    @Test
    void partialCurrentOnlyAppliesTheOtherBranch() {
        List<MigrationStep> plan = Graphs.branches().planUpgrade(List.of("a2"), "heads");
        assertThat(describe(plan)).containsExactly("up b1: +b1", "up b2: b1>b2");
        assertThat(simulate(List.of("a2"), plan)).isEqualTo(set("a2", "b2"));
    }

    @Test
    void oneBranchByLabel() {
        RevisionGraph graph = Graphs.branches();
        assertThat(describe(graph.planUpgrade(List.of("x1"), "beta@head"))).containsExactly("up b1: x1>b1", "up b2: b1>b2");
        assertThat(describe(graph.planUpgrade(List.of("a2"), "beta@+1"))).containsExactly("up b1: +b1");
        assertThatThrownBy(() -> graph.planUpgrade(List.of(), "head"))
                .hasMessageEndingWith("use 'heads', a '<branch>@head' or merge them with 'drover merge'");
    }

    @Test
    void mergePointDeletesAllButOneParentRowAndUpdatesTheLast() {
        // Alembic merge_branch_idents: from (a2, b2), no other heads: delete a2, update b2 -> m1
        List<MigrationStep> plan = Graphs.merged().planUpgrade(List.of("a2", "b2"), "heads");
        assertThat(describe(plan)).containsExactly("up m1: -a2 b2>m1", "up m2: m1>m2");
        assertThat(simulate(List.of("a2", "b2"), plan)).isEqualTo(set("m2"));
    }

    @Test
    void mergedGraphFromEmpty() {
        // sort from m2: m2 m1, then heads (a2, b2): a2 a1, b2 b1 x1 x0; reversed
        List<MigrationStep> plan = Graphs.merged().planUpgrade(List.of(), "head");
        assertThat(describe(plan)).containsExactly("up x0: +x0", "up x1: x0>x1", "up b1: x1>b1", "up b2: b1>b2",
                "up a1: +a1", "up a2: a1>a2", "up m1: -a2 b2>m1", "up m2: m1>m2");
        assertThat(simulate(List.of(), plan)).isEqualTo(set("m2"));
    }

    @Test
    void mergeWithOnlyOneBranchApplied() {
        // needs b1 b2 m1 m2; b1 finds no x1 row (a2 implies it): insert; then the merge
        List<MigrationStep> plan = Graphs.merged().planUpgrade(List.of("a2"), "heads");
        assertThat(describe(plan)).containsExactly("up b1: +b1", "up b2: b1>b2", "up m1: -a2 b2>m1", "up m2: m1>m2");
        assertThat(simulate(List.of("a2"), plan)).isEqualTo(set("m2"));
    }

    @Test
    void dependencyOfAnotherBranchIsAppliedFirstAndAbsorbed() {
        // beta@head = b3; needs include a1 a2 through b2's depends_on. Sort from b3: b3 b2, then
        // b2's normalized downs (b1, a2): b1, a2 a1; reversed a1 a2 b1 b2 b3. At b2 both b1 and a2
        // are rows: merge, delete b1, update a2 -> b2. a2 never stays a row of its own.
        List<MigrationStep> plan = Graphs.crossDependency().planUpgrade(List.of(), "beta@head");
        assertThat(describe(plan)).containsExactly("up a1: +a1", "up a2: a1>a2", "up b1: +b1",
                "up b2: -b1 a2>b2", "up b3: b2>b3");
        assertThat(simulate(List.of(), plan)).isEqualTo(set("b3"));
    }

    @Test
    void dependencyNeededFromTheMiddleOfABranch() {
        // current b1; b2 needs a2: sort from b3: b3 b2, then a2 a1 (b1 is applied); reversed
        List<MigrationStep> plan = Graphs.crossDependency().planUpgrade(List.of("b1"), "heads");
        assertThat(describe(plan)).containsExactly("up a1: +a1", "up a2: a1>a2", "up b2: -b1 a2>b2", "up b3: b2>b3");
        assertThat(simulate(List.of("b1"), plan)).isEqualTo(set("b3"));
    }

    @Test
    void dependencyAlreadyApplied() {
        RevisionGraph graph = Graphs.crossDependency();
        List<MigrationStep> plan = graph.planUpgrade(List.of("a2"), "heads");
        assertThat(describe(plan)).containsExactly("up b1: +b1", "up b2: -b1 a2>b2", "up b3: b2>b3");
        assertThat(simulate(List.of("a2"), plan)).isEqualTo(set("b3"));
        // a2 is implied by b3 (depends_on), not older than it along its branch: nothing to do
        assertThat(graph.planUpgrade(List.of("b3"), "alpha@head")).isEmpty();
        assertThat(describe(graph.planUpgrade(List.of(), "alpha@head"))).containsExactly("up a1: +a1", "up a2: a1>a2");
    }

    @Test
    void dependedOnBranchKeepsGrowing() {
        // a1 -> a2 -> a3 (alpha), b1 (beta) -> b2 depends_on a2. Heads-first from (a3, b2): a3,
        // then a2 is needed by b2: b2 b1, back to a2 a1. Reversed: a1 a2 b1 b2 a3; b2 absorbs a2,
        // so a3 finds no parent row and inserts.
        RevisionGraph graph = graph(labelled("a1", "alpha"), rev("a2", "a1"), rev("a3", "a2"),
                labelled("b1", "beta"), dependent("b2", List.of("a2"), "b1"));
        assertThat(graph.resolve("heads", List.of())).containsExactly("a3", "b2");
        List<MigrationStep> plan = graph.planUpgrade(List.of(), "heads");
        assertThat(describe(plan)).containsExactly("up a1: +a1", "up a2: a1>a2", "up b1: +b1",
                "up b2: -b1 a2>b2", "up a3: +a3");
        assertThat(simulate(List.of(), plan)).isEqualTo(set("a3", "b2"));
    }

    @Test
    void twoIndependentBases() {
        // Alembic sort from (c2, d2): c2 c1 d2 d1; reversed: d1 d2 c1 c2
        RevisionGraph graph = graph(rev("c1"), rev("c2", "c1"), rev("d1"), rev("d2", "d1"));
        List<MigrationStep> plan = graph.planUpgrade(List.of(), "heads");
        assertThat(describe(plan)).containsExactly("up d1: +d1", "up d2: d1>d2", "up c1: +c1", "up c2: c1>c2");
        assertThat(simulate(List.of(), plan)).isEqualTo(set("c2", "d2"));
        assertThat(describe(graph.planUpgrade(List.of("d2"), "heads"))).containsExactly("up c1: +c1", "up c2: c1>c2");
    }
}
