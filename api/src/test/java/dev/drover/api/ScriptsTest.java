package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Scripts}: the script-directory commands as calls, on script directories in a temp dir (no database). */
class ScriptsTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private Drover drover(Section... sections) {
        DroverBuilder builder = Drover.configure().baseDirectory(dir).listener(new FleetListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        });
        for (Section section : sections) {
            builder.section(section);
        }
        return builder.load();
    }

    private Section section(String name, Path versions) throws Exception {
        Files.createDirectories(versions);
        // never connected to: script commands need no database
        return Section.named(name).url("jdbc:postgresql://127.0.0.1:1/unused").versionLocations(versions);
    }

    /** aa0001 <- ab0002 (head), aa0001 <- ac0003 (head, label 'side'): aa0001 is a branch point. */
    private Scripts branched(Drover drover) {
        Scripts scripts = drover.scripts().withClock(NOON);
        scripts.revision(RevisionOptions.message("accounts").revId("aa0001"));
        scripts.revision(RevisionOptions.message("index").revId("ab0002"));
        scripts.revision(RevisionOptions.message("side table").head("aa0001").splice().branchLabel("side")
                .revId("ac0003"));
        return scripts;
    }

    @Test
    void revisionWritesAScriptTheGraphThenShows() throws Exception {
        try (Drover drover = drover(section("app", dir.resolve("versions")))) {
            Scripts scripts = drover.scripts("app").withClock(NOON);

            NewRevision first = scripts.revision(RevisionOptions.message("accounts").revId("aa0001"));

            assertThat(first.id()).isEqualTo("aa0001");
            assertThat(first.path()).isRegularFile().hasParent(dir.resolve("versions").toAbsolutePath().normalize());
            RevisionInfo shown = scripts.show("aa").get(0);
            assertThat(shown.id()).isEqualTo("aa0001");
            assertThat(shown.message()).isEqualTo("accounts");
            assertThat(shown.downRevisions()).isEmpty();
            assertThat(shown.head()).isTrue();
            assertThat(shown.current()).isFalse();
            assertThat(shown.createDate()).startsWith("2026-12-04 12:00:00");
            assertThat(shown.path()).isEqualTo(first.path());
            assertThat(scripts.sections()).containsExactly("app");
            assertThat(scripts.versionLocations()).containsExactly(dir.resolve("versions").toAbsolutePath().normalize());
            NewRevision random = scripts.withIdGenerator(RandomGenerator.of("L64X128MixRandom"))
                    .revision(RevisionOptions.message("random id"));
            assertThat(random.id()).matches("[0-9a-f]{12}");
            assertThat(scripts.show("head").get(0).downRevisions()).containsExactly("aa0001");
        }
    }

    @Test
    void headsBranchesAndHistoryReadTheGraph() throws Exception {
        try (Drover drover = drover(section("app", dir.resolve("versions")))) {
            Scripts scripts = branched(drover);

            assertThat(scripts.heads(false)).extracting(RevisionInfo::id).containsExactly("ab0002", "ac0003");
            assertThat(scripts.heads(false).get(1).branchLabels()).containsExactly("side");
            List<BranchPoint> branches = scripts.branches();
            assertThat(branches).hasSize(1);
            assertThat(branches.get(0).branchPoint().id()).isEqualTo("aa0001");
            assertThat(branches.get(0).branchPoint().branchPoint()).isTrue();
            assertThat(branches.get(0).branchPoint().nextRevisions()).containsExactly("ab0002", "ac0003");
            assertThat(branches.get(0).branches()).extracting(RevisionInfo::id).containsExactly("ab0002", "ac0003");
            assertThat(scripts.history(null)).extracting(RevisionInfo::id).hasSize(3).endsWith("aa0001");
            assertThat(scripts.history("aa0001:side@head")).extracting(RevisionInfo::id)
                    .containsExactly("ac0003", "aa0001");
            assertThat(scripts.show("heads")).extracting(RevisionInfo::id).containsExactly("ab0002", "ac0003");
        }
    }

    @Test
    void unknownAmbiguousAndCurrentRevisionsAreRefusedWithTheirName() throws Exception {
        try (Drover drover = drover(section("app", dir.resolve("versions")))) {
            Scripts scripts = branched(drover);

            assertThatThrownBy(() -> scripts.show("zz9")).isInstanceOf(DroverException.class)
                    .hasMessageContaining("'zz9'");
            assertThatThrownBy(() -> scripts.show("a")).isInstanceOf(DroverException.class)
                    .hasMessageContaining("'a'").hasMessageContaining("aa0001");
            assertThatThrownBy(() -> scripts.show("base")).isInstanceOf(DroverException.class)
                    .hasMessageContaining("base");
            assertThatThrownBy(() -> scripts.history("zz9:")).isInstanceOf(DroverException.class)
                    .hasMessageContaining("'zz9'");
            assertThatThrownBy(() -> scripts.history("current:")).isInstanceOf(DroverException.class)
                    .hasMessageContaining("history(range, Selection)");
            assertThatThrownBy(() -> scripts.revision(RevisionOptions.message("on top")))
                    .isInstanceOf(DroverException.class).hasMessageContaining("Multiple heads")
                    .hasMessageContaining("'ab0002'");
            assertThatThrownBy(() -> scripts.revision(RevisionOptions.message("again").head("ab0002").revId("aa0001")))
                    .isInstanceOf(DroverException.class).hasMessageContaining("'aa0001' is already used");
            assertThatThrownBy(() -> scripts.revision(RevisionOptions.message("branch").head("aa0001")))
                    .isInstanceOf(DroverException.class).hasMessageContaining("--splice");
        }
    }

    @Test
    void mergeJoinsTheHeadsIntoOne() throws Exception {
        try (Drover drover = drover(section("app", dir.resolve("versions")))) {
            Scripts scripts = branched(drover);

            NewRevision merged = scripts.merge(List.of("heads"), "join", List.of("joined"), "ad0004");

            RevisionInfo head = scripts.heads(false).get(0);
            assertThat(scripts.heads(false)).hasSize(1);
            assertThat(head.id()).isEqualTo(merged.id()).isEqualTo("ad0004");
            assertThat(head.mergePoint()).isTrue();
            assertThat(head.downRevisions()).containsExactly("ab0002", "ac0003");
            assertThat(head.branchLabels()).contains("joined");
            assertThatThrownBy(() -> scripts.merge(List.of("heads"), "nothing")).isInstanceOf(DroverException.class)
                    .hasMessageContaining("Nothing to merge");
        }
    }

    @Test
    void severalLineagesAreRefusedUntilOneIsChosen() throws Exception {
        try (Drover drover = drover(section("billing", dir.resolve("billing")), section("audit", dir.resolve("audit")),
                section("billing_eu", dir.resolve("billing")))) {
            Scripts all = drover.scripts();

            assertThat(all.sections()).containsExactly("billing", "billing_eu", "audit");
            assertThatThrownBy(() -> all.heads(false)).isInstanceOf(DroverException.class)
                    .hasMessageContaining("2 different version locations")
                    .hasMessageContaining("drover.scripts(\"SECTION\")");
            assertThatThrownBy(() -> all.revision(RevisionOptions.message("x"))).isInstanceOf(DroverException.class)
                    .hasMessageContaining("--name SECTION");
            assertThat(all.lineages()).extracting(Scripts::sections)
                    .containsExactly(List.of("billing", "billing_eu"), List.of("audit"));

            drover.scripts("audit").revision(RevisionOptions.message("audit log").revId("ee0001"));

            assertThat(drover.scripts("billing*").heads(false)).isEmpty();
            assertThat(all.lineages().get(1).heads(true)).extracting(RevisionInfo::id).containsExactly("ee0001");
            assertThatThrownBy(() -> drover.scripts("nope")).isInstanceOf(DroverException.class)
                    .hasMessageContaining("nope");
        }
    }

    @Test
    void valuesAreImmutable() {
        RevisionOptions base = RevisionOptions.message("m");
        RevisionOptions labelled = base.branchLabel("a").dependsOn("b");

        assertThat(base.branchLabels()).isEmpty();
        assertThat(labelled.branchLabels()).containsExactly("a");
        assertThat(labelled.dependsOn()).containsExactly("b");
        assertThat(labelled.headRevision()).isEqualTo("head");
        assertThat(labelled.isSplice()).isFalse();
        assertThat(RevisionOptions.message(null).messageText()).isEmpty();
        List<String> parents = new ArrayList<>(List.of("p"));
        RevisionInfo info = new RevisionInfo("r", parents, List.of(), List.of(), List.of(), true, false, false, "m", "",
                null, false);
        parents.add("q");
        assertThat(info.downRevisions()).containsExactly("p");
    }
}
