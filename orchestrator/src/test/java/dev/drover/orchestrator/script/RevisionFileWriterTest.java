package dev.drover.orchestrator.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.graph.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionFileWriterTest {

    private static final LocalDateTime DATE = LocalDateTime.of(2026, 3, 7, 9, 5, 2);

    @TempDir
    Path dir;

    private final RevisionFileWriter writer = new RevisionFileWriter();

    private static NewRevision base(String message) {
        return new NewRevision("3c4d5e6f7a8b", List.of(), List.of(), List.of(), message, DATE, true);
    }

    @Test
    void writesTheDefaultTemplateWithTheHeaderAndEmptySections() throws IOException {
        Path file = writer.write(dir.resolve("versions"), base("add accounts"), FileNameTemplate.DEFAULT, 40);
        assertThat(file).isEqualTo(dir.resolve("versions").resolve("3c4d5e6f7a8b_add_accounts.sql"));
        assertThat(Files.readString(file)).isEqualTo("""
                -- revision: 3c4d5e6f7a8b
                -- down_revision:
                -- message: add accounts
                -- create_date: 2026-03-07 09:05:02

                -- drover:upgrade

                -- drover:downgrade
                """);
    }

    @Test
    void writtenFileParsesBackToTheSameRevision() throws IOException {
        NewRevision rev = new NewRevision("merge_1", List.of("aaa", "bbb"), List.of("billing"), List.of("ccc", "core"),
                "merge heads", DATE, false);
        Path file = writer.write(dir, rev, "%(rev)s", 40);
        String content = Files.readString(file);
        assertThat(content).contains("-- down_revision: aaa, bbb\n-- branch_labels: billing\n-- depends_on: ccc, core\n")
                .contains("-- transactional: false\n");
        MigrationScript script = new ScriptParser().parse(file, content);
        assertThat(script.revision()).isEqualTo(new Revision("merge_1", List.of("aaa", "bbb"), List.of("billing"),
                List.of("ccc", "core"), "merge heads", file.toString()));
        assertThat(script.createDate()).isEqualTo("2026-03-07 09:05:02");
        assertThat(script.transactional()).isFalse();
        assertThat(script.upgrade().text()).isEqualTo("\n");
        assertThat(script.downgrade().text()).isEmpty();
    }

    @Test
    void multiLineMessageIsWrittenOnOneLine() throws IOException {
        Path file = writer.write(dir, base("first line\n\n  second line"), "%(rev)s", 40);
        assertThat(new ScriptParser().parse(file, Files.readString(file)).revision().message())
                .isEqualTo("first line second line");
    }

    @Test
    void dateTokensFollowPythonFormatting() throws IOException {
        Path file = writer.write(dir, base("Add accounts!"),
                "%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d%(second).2d_%(rev)s_%(slug)s", 40);
        assertThat(file.getFileName().toString()).isEqualTo("2026_03_07_090502_3c4d5e6f7a8b_add_accounts.sql");
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws IOException {
        Path first = writer.write(dir, base("add accounts"), FileNameTemplate.DEFAULT, 40);
        Files.writeString(first, "edited");
        assertThatThrownBy(() -> writer.write(dir, base("add accounts"), FileNameTemplate.DEFAULT, 40))
                .isInstanceOf(ScriptFileException.class)
                .hasMessageContaining("'" + first + "' already exists");
        assertThat(Files.readString(first)).isEqualTo("edited");
    }

    @Test
    void rejectsInvalidIdsAndTemplatesThatLeaveTheDirectory() {
        NewRevision badId = new NewRevision("a-b", List.of(), List.of(), List.of(), "m", DATE, true);
        assertThatThrownBy(() -> writer.write(dir, badId, FileNameTemplate.DEFAULT, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a-b'");
        NewRevision badLabel = new NewRevision("ab", List.of(), List.of("a,b"), List.of(), "m", DATE, true);
        assertThatThrownBy(() -> writer.write(dir, badLabel, FileNameTemplate.DEFAULT, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a,b'");
        assertThatThrownBy(() -> writer.write(dir, base("m"), "%(year)d/%(rev)s", 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path separator");
    }

    @Test
    void newIdsAreTwelveLowercaseHexCharacters() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 200; i++) {
            assertThat(RevisionIds.newId(rnd)).matches("[0-9a-f]{12}");
        }
        assertThat(RevisionIds.newId(new SplittableRandom(7))).isEqualTo(RevisionIds.newId(new SplittableRandom(7)));
    }
}
