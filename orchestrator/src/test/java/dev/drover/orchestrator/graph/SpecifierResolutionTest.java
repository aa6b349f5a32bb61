package dev.drover.orchestrator.graph;

import static dev.drover.orchestrator.graph.Graphs.graph;
import static dev.drover.orchestrator.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecifierResolutionTest {

    private final RevisionGraph linear = Graphs.linear();
    private final RevisionGraph branches = Graphs.branches();

    @Test
    void fullAndPartialIds() {
        RevisionGraph graph = graph(rev("1a2b3c"), rev("1a9f00", "1a2b3c"), rev("77aa", "1a9f00"));
        assertThat(graph.resolve("1a2b3c", List.of())).containsExactly("1a2b3c");
        assertThat(graph.resolve("1a9", List.of())).containsExactly("1a9f00");
        assertThat(graph.resolve("7", List.of())).containsExactly("77aa"); // one character is enough
        assertThatThrownBy(() -> graph.resolve("1a", List.of()))
                .isInstanceOf(RevisionException.class)
                .hasMessageContaining("'1a' is ambiguous")
                .hasMessageContaining("'1a2b3c' (versions/1a2b3c.sql), '1a9f00' (versions/1a9f00.sql)")
                .hasMessageEndingWith("use more characters of the id");
        assertThatThrownBy(() -> graph.resolve("ff", List.of()))
                .hasMessage("No such revision or branch 'ff'; check the id with 'drover history' or 'drover heads'");
    }

    @Test
    void onlyRelativeSpecifiersWithoutARevisionCountFromTheCurrentRevisions() {
        RevisionGraph labelled = graph(rev("aa01"), Graphs.full("bb02", List.of("aa01"), List.of("release-2"), List.of()));
        assertThat(List.of("+1", "-2", "l2@+1", "l2@-1")).allMatch(linear::countsFromCurrent);
        assertThat(List.of("head", "heads", "base", "l2", "l", "l2+1", "l3-2", "l2@head", "", "+99999999999"))
                .noneMatch(linear::countsFromCurrent);
        // an exact label wins over the relative syntax, as in resolution
        assertThat(labelled.countsFromCurrent("release-2")).isFalse();
    }

    @Test
    void headHeadsBase() {
        assertThat(linear.resolve("head", List.of())).containsExactly("l4");
        assertThat(linear.resolve("heads", List.of())).containsExactly("l4");
        assertThat(linear.resolve("base", List.of())).isEmpty();
        assertThat(linear.resolveOne("base", List.of())).isNull();
        assertThat(linear.resolveOne(" head ", List.of())).isEqualTo("l4");
        assertThat(branches.resolve("heads", List.of())).containsExactly("a2", "b2");
    }

    @Test
    void headWithSeveralHeadsNamesThemAndTheFix() {
        assertThatThrownBy(() -> branches.resolve("head", List.of()))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Multiple heads are present for given argument 'head': 'a2' (versions/a2.sql),"
                        + " 'b2' (versions/b2.sql); use 'heads', a '<branch>@head' or merge them with 'drover merge'");
        assertThatThrownBy(() -> branches.resolveOne("heads", List.of()))
                .hasMessageStartingWith("Multiple heads are present for given argument 'heads'")
                .hasMessageEndingWith("merge them with 'drover merge'");
    }

    @Test
    void branchLabels() {
        // Alembic: a bare label is the revision that declares it, not the branch head
        assertThat(branches.resolve("alpha", List.of())).containsExactly("a1");
        assertThat(branches.resolve("alpha@head", List.of())).containsExactly("a2");
        assertThat(branches.resolve("beta@heads", List.of())).containsExactly("b2");
        assertThat(branches.resolve("alpha@base", List.of())).isEmpty();
        assertThat(branches.resolve("alpha@a2", List.of())).containsExactly("a2");
        assertThat(branches.resolve("alpha@x1", List.of())).containsExactly("x1"); // shared ancestor
        assertThat(branches.resolve("b1@head", List.of())).containsExactly("b2"); // a revision as branch
        assertThatThrownBy(() -> branches.resolve("alpha@b2", List.of()))
                .hasMessage("Revision 'b2' (versions/b2.sql) is not a member of branch 'alpha';"
                        + " use a revision of that branch or 'alpha@head'");
        assertThatThrownBy(() -> branches.resolve("gamma@head", List.of()))
                .hasMessageStartingWith("No such branch 'gamma'");
    }

    @Test
    void labelHeadWithSeveralHeadsOnThatBranch() {
        RevisionGraph graph = graph(Graphs.labelled("a1", "alpha"), rev("a2", "a1"), rev("a3", "a1"));
        assertThatThrownBy(() -> graph.resolve("alpha@head", List.of()))
                .hasMessageStartingWith("Multiple heads are present for given argument 'alpha@head': 'a2'")
                .hasMessageEndingWith("use 'heads', a '<branch>@head' or merge them with 'drover merge'");
    }

    @Test
    void relativeToCurrent() {
        assertThat(linear.resolve("+1", List.of("l2"))).containsExactly("l3");
        assertThat(linear.resolve("+2", List.of())).containsExactly("l2"); // from base
        assertThat(linear.resolve("-1", List.of("l3"))).containsExactly("l2");
        assertThat(linear.resolve("-1", List.of("l1"))).isEmpty(); // base
        assertThat(linear.resolveOne("-1", List.of("l1"))).isNull();
    }

    @Test
    void relativeToARevision() {
        assertThat(linear.resolve("l1+2", List.of())).containsExactly("l3");
        assertThat(linear.resolve("l4-3", List.of())).containsExactly("l1");
        assertThat(linear.resolve("l4-4", List.of())).isEmpty();
        assertThat(linear.resolve("head-1", List.of())).containsExactly("l3");
        assertThat(branches.resolve("alpha@head-1", List.of())).containsExactly("a1");
    }

    @Test
    void walkingTooFarSaysHowFarItCanGo() {
        assertThatThrownBy(() -> linear.resolve("-3", List.of("l2")))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Relative revision '-3' didn't produce 3 migrations: only 2 step(s) are possible"
                        + " from 'l2' (versions/l2.sql) towards base; use at most '-2'");
        assertThatThrownBy(() -> linear.resolve("+3", List.of("l2")))
                .hasMessage("Relative revision '+3' didn't produce 3 migrations: only 2 step(s) are possible"
                        + " from 'l2' (versions/l2.sql) towards head; use at most '+2'");
        assertThatThrownBy(() -> linear.resolve("-1", List.of()))
                .hasMessageEndingWith("the target is already at base");
        assertThatThrownBy(() -> linear.resolve("l4+1", List.of()))
                .hasMessageEndingWith("the branch is already at its head");
    }

    @Test
    void relativeOnBranches() {
        assertThat(branches.resolve("alpha@+1", List.of("x1"))).containsExactly("a1");
        assertThat(branches.resolve("alpha@-1", List.of("a2", "b2"))).containsExactly("a1");
        assertThat(branches.resolve("beta@-2", List.of("a2", "b2"))).containsExactly("x1");
        // beta not applied yet: start from its newest applied revision, x1 (Alembic backtracks)
        assertThat(branches.resolve("beta@+1", List.of("a2"))).containsExactly("b1");
        assertThat(branches.resolve("beta@+2", List.of())).containsExactly("x1");
    }

    @Test
    void ambiguousRelativeSpecifiers() {
        assertThatThrownBy(() -> branches.resolve("-1", List.of("a2", "b2")))
                .hasMessageContaining("several current heads, 'a2' (versions/a2.sql), 'b2' (versions/b2.sql)")
                .hasMessageEndingWith("use '<branch>@-1' or '<rev>-1'");
        assertThatThrownBy(() -> branches.resolve("+1", List.of("x1")))
                .hasMessageContaining("'x1' (versions/x1.sql) is a branch point with children 'a1'")
                .hasMessageEndingWith("name the branch, e.g. '<branch>@+1'");
        assertThatThrownBy(() -> Graphs.merged().resolve("-1", List.of("m1")))
                .hasMessageContaining("'m1' (versions/m1.sql) is a merge point of 'a2'")
                .hasMessageEndingWith("walk from one of them, e.g. 'a2'");
        assertThatThrownBy(() -> Graphs.merged().resolve("m2-3", List.of()))
                .hasMessageEndingWith("walk from one of them, e.g. 'a2-1'");
    }

    @Test
    void exactLabelWinsOverRelativeSyntax() {
        RevisionGraph graph = graph(Graphs.labelled("r1", "release-2"), rev("r2", "r1"), rev("r3", "r2"));
        assertThat(graph.resolve("release-2", List.of())).containsExactly("r1");
        assertThat(graph.resolve("r3-2", List.of())).containsExactly("r1");
    }

    @Test
    void emptySpecifierIsAnError() {
        assertThatThrownBy(() -> linear.resolve(" ", List.of())).isInstanceOf(RevisionException.class)
                .hasMessageContaining("Empty revision specifier");
    }
}
