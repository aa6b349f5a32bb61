package dev.drover.orchestrator.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.script.ScriptDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptCommandsTest {

    private static final String TEMPLATE = "%(rev)s_%(slug)s";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private ScriptCommands commands(Path... locations) {
        return new ScriptCommands(ScriptDirectory.load(List.of(locations)), CLOCK, new SplittableRandom(7));
    }

    private GeneratedRevision add(Path versions, String id, String head, String... labels) {
        return commands(versions).revision(new RevisionRequest("rev " + id, List.of(head), false, List.of(labels),
                null, id, List.of(), TEMPLATE, 40));
    }

    @Test
    void firstRevisionIsABaseAndTheNextBuildsOnTheHead() throws IOException {
        Path versions = Files.createDirectories(tmp.resolve("versions"));
        GeneratedRevision first = add(versions, "aaa111", "head");
        GeneratedRevision second = add(versions, "bbb222", "head");
        assertThat(first.path().getFileName().toString()).isEqualTo("aaa111_rev_aaa111.sql");
        assertThat(Files.readString(first.path())).contains("-- down_revision:").contains("-- create_date: 2026-11-22 10:00:00");
        assertThat(Files.readString(second.path())).contains("-- down_revision: aaa111");
        assertThat(commands(versions).heads(false)).extracting(RevisionView::id).containsExactly("bbb222");
    }

    @Test
    void randomIdsAreTwelveHexDigits() throws IOException {
        Path versions = Files.createDirectories(tmp.resolve("versions"));
        GeneratedRevision generated = commands(versions).revision(new RevisionRequest("x", null, false, null, null,
                null, null, TEMPLATE, 40));
        assertThat(generated.id()).matches("[0-9a-f]{12}");
    }

    @Test
    void takenIdsAndLabelsAreRefusedWithTheFile() throws IOException {
        Path versions = Files.createDirectories(tmp.resolve("versions"));
        add(versions, "aaa111", "head", "core");
        assertThatThrownBy(() -> add(versions, "aaa111", "head"))
                .isInstanceOf(RevisionException.class).hasMessageContaining("'aaa111'").hasMessageContaining("--rev-id");
        assertThatThrownBy(() -> add(versions, "ccc333", "head", "core"))
                .isInstanceOf(RevisionException.class).hasMessageContaining("'core'").hasMessageContaining("--branch-label");
        assertThatThrownBy(() -> add(versions, "bad-id", "head"))
                .isInstanceOf(RevisionException.class).hasMessageContaining("'bad-id'");
    }

    @Test
    void dependsOnKeepsLabelsAndExpandsPartialIds() throws IOException {
        Path versions = Files.createDirectories(tmp.resolve("versions"));
        add(versions, "aaa111", "head", "core");
        add(versions, "bbb222", "base", "extra");
        GeneratedRevision dependent = commands(versions).revision(new RevisionRequest("dep", List.of("extra@head"),
                false, List.of(), null, "ccc333", List.of("aaa", "core"), TEMPLATE, 40));
        assertThat(Files.readString(dependent.path())).contains("-- depends_on: aaa111, core");
    }

    @Test
    void mergeNeedsTwoRevisions() throws IOException {
        Path versions = Files.createDirectories(tmp.resolve("versions"));
        add(versions, "aaa111", "head");
        assertThatThrownBy(() -> commands(versions).merge(List.of("heads"), "m", List.of(), null, TEMPLATE, 40))
                .isInstanceOf(RevisionException.class).hasMessageContaining("Nothing to merge");
        add(versions, "bbb222", "base");
        GeneratedRevision merge = commands(versions).merge(List.of("heads"), "m", List.of(), "mmm000", TEMPLATE, 40);
        assertThat(Files.readString(merge.path())).containsPattern("-- down_revision: (aaa111, bbb222|bbb222, aaa111)");
        assertThat(commands(versions).heads(false)).extracting(RevisionView::mergePoint).containsExactly(true);
    }

    @Test
    void severalVersionLocationsNeedAPathForANewBaseAndFollowTheParentOtherwise() throws IOException {
        Path one = Files.createDirectories(tmp.resolve("one"));
        Path two = Files.createDirectories(tmp.resolve("two"));
        ScriptCommands both = commands(one, two);
        assertThatThrownBy(() -> both.revision(new RevisionRequest("x", List.of("base"), false, List.of(), null,
                "aaa111", List.of(), TEMPLATE, 40)))
                .isInstanceOf(RevisionException.class).hasMessageContaining("--version-path");
        assertThatThrownBy(() -> both.revision(new RevisionRequest("x", List.of("base"), false, List.of(),
                tmp.resolve("elsewhere"), "aaa111", List.of(), TEMPLATE, 40)))
                .isInstanceOf(RevisionException.class).hasMessageContaining("not one of the version locations");
        both.revision(new RevisionRequest("x", List.of("base"), false, List.of(), two, "aaa111", List.of(), TEMPLATE, 40));
        GeneratedRevision child = commands(one, two).revision(new RevisionRequest("y", List.of("head"), false,
                List.of(), null, "bbb222", List.of(), TEMPLATE, 40));
        assertThat(child.path().getParent()).isEqualTo(two.toAbsolutePath().normalize());
    }

    @Test
    void headsWithResolvedDependenciesDropARevisionAnotherHeadDependsOn() throws IOException {
        Path versions = Files.createDirectories(tmp.resolve("versions"));
        add(versions, "aaa111", "head");
        commands(versions).revision(new RevisionRequest("dep", List.of("base"), false, List.of(), null, "bbb222",
                List.of("aaa111"), TEMPLATE, 40));
        assertThat(commands(versions).heads(true)).extracting(RevisionView::id).containsExactly("bbb222");
    }
}
