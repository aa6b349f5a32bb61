package dev.drover.orchestrator.graph;

import static dev.drover.orchestrator.graph.Graphs.dependent;
import static dev.drover.orchestrator.graph.Graphs.full;
import static dev.drover.orchestrator.graph.Graphs.graph;
import static dev.drover.orchestrator.graph.Graphs.labelled;
import static dev.drover.orchestrator.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionGraphValidationTest {

    @Test
    void duplicateIdNamesBothFiles() {
        Revision copy = new Revision("a1", List.of(), List.of(), List.of(), "", "other/a1_copy.sql");
        assertThatThrownBy(() -> graph(rev("a1"), copy))
                .isInstanceOf(RevisionException.class)
                .hasMessageContaining("'a1'")
                .hasMessageContaining("versions/a1.sql")
                .hasMessageContaining("other/a1_copy.sql")
                .hasMessageEndingWith("give one of them a new revision id or delete the copy");
    }

    @Test
    void missingParentNamesTheRevisionItsFileAndTheMissingId() {
        assertThatThrownBy(() -> graph(rev("a1"), rev("a2", "zz9")))
                .isInstanceOf(RevisionException.class)
                .hasMessageContaining("'a2' (versions/a2.sql)")
                .hasMessageContaining("'zz9'")
                .hasMessageEndingWith("fix its down_revision header or restore the missing script");
    }

    @Test
    void missingDependencyNamesTheRevisionAndTheEntry() {
        assertThatThrownBy(() -> graph(rev("a1"), dependent("a2", List.of("nope"), "a1")))
                .isInstanceOf(RevisionException.class)
                .hasMessageContaining("'a2' (versions/a2.sql) depends_on 'nope'")
                .hasMessageEndingWith("fix its depends_on header or restore the missing script");
    }

    @Test
    void ambiguousDependencyPrefixListsCandidates() {
        assertThatThrownBy(() -> graph(rev("ab1"), rev("ab2"), dependent("c1", List.of("ab"))))
                .isInstanceOf(RevisionException.class)
                .hasMessageContaining("'ab1' (versions/ab1.sql), 'ab2' (versions/ab2.sql)")
                .hasMessageEndingWith("use more characters of the id");
    }

    @Test
    void cycleNamesExactlyTheRevisionsOnIt() {
        // base -> c1 -> c2 -> c3 -> c1: base is not on the cycle and must not be named
        assertThatThrownBy(() -> graph(rev("base0"), full("c1", List.of("base0", "c3"), List.of(), List.of()),
                rev("c2", "c1"), rev("c3", "c2")))
                .isInstanceOf(RevisionException.class)
                .hasMessageContaining("'c1' (versions/c1.sql), 'c2' (versions/c2.sql), 'c3' (versions/c3.sql)")
                .hasMessageNotContaining("base0")
                .hasMessageEndingWith("fix a down_revision or depends_on header so that history only points to older revisions");
    }

    @Test
    void selfLoopAndDependencyCycleAreCycles() {
        assertThatThrownBy(() -> graph(rev("s1", "s1"))).hasMessageContaining("Cycle detected among revisions 's1'");
        // a2 depends_on b2, whose ancestor b1 depends_on a2: a cycle only through depends_on
        assertThatThrownBy(() -> graph(rev("a1"), dependent("a2", List.of("b2"), "a1"),
                dependent("b1", List.of("a2")), rev("b2", "b1")))
                .hasMessageContaining("'a2' (versions/a2.sql), 'b1' (versions/b1.sql), 'b2' (versions/b2.sql)");
    }

    @Test
    void branchLabelUsedTwiceNamesBothRevisions() {
        assertThatThrownBy(() -> graph(labelled("a1", "billing"), labelled("b1", "billing")))
                .hasMessageContaining("'billing'")
                .hasMessageContaining("'b1' (versions/b1.sql)")
                .hasMessageContaining("'a1' (versions/a1.sql)")
                .hasMessageEndingWith("a label names one branch, so rename one of them");
    }

    @Test
    void branchLabelCollidingWithRevisionIdIsRefused() {
        assertThatThrownBy(() -> graph(rev("a1"), labelled("b1", "a1")))
                .hasMessageContaining("Branch label 'a1' of 'b1' (versions/b1.sql) is also the id of revision 'a1' (versions/a1.sql)")
                .hasMessageEndingWith("rename the branch label");
    }

    @Test
    void reservedCharactersAndWordsAreRefused() {
        assertThatThrownBy(() -> graph(rev("a-1")))
                .hasMessageContaining("'a-1' in 'versions/a-1.sql' contains '-'")
                .hasMessageEndingWith("use only letters, digits and '_'");
        assertThatThrownBy(() -> graph(labelled("a1", "head")))
                .hasMessageContaining("reserved word");
    }

    @Test
    void dependsOnAcceptsLabelsAndPartialIds() {
        RevisionGraph graph = graph(labelled("aa11", "alpha"), rev("aa22", "aa11"),
                dependent("b1", List.of("alpha")), dependent("c1", List.of("aa2")));
        assertThat(graph.dependencies("b1")).containsExactly("aa11");
        assertThat(graph.dependencies("c1")).containsExactly("aa22");
        assertThat(graph.dependencies("aa22")).isEmpty();
        // upgrading b1 must apply its dependency, the revision declaring 'alpha'
        assertThat(Graphs.describe(graph.planUpgrade(List.of(), "b1")))
                .containsExactly("up aa11: +aa11", "up b1: aa11>b1");
        assertThat(Graphs.describe(graph.planUpgrade(List.of(), "c1")))
                .containsExactly("up aa11: +aa11", "up aa22: aa11>aa22", "up c1: aa22>c1");
    }

    @Test
    void emptyGraphHasNothing() {
        RevisionGraph graph = RevisionGraph.of(List.of());
        assertThat(graph.heads()).isEmpty();
        assertThat(graph.resolve("heads", List.of())).isEmpty();
        assertThat(graph.resolveOne("head", List.of())).isNull();
        assertThat(graph.planUpgrade(List.of(), "heads")).isEmpty();
    }
}
