package dev.drover.orchestrator.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.RevisionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptDirectoryTest {

    @TempDir
    Path dir;

    private Path write(Path location, String name, String content) throws IOException {
        Files.createDirectories(location);
        return Files.writeString(location.resolve(name), content);
    }

    private static String script(String id, String down, String upgrade, String downgrade) {
        return "-- revision: " + id + "\n-- down_revision: " + down + "\n\n-- drover:upgrade\n" + upgrade
                + "\n-- drover:downgrade\n" + downgrade + "\n";
    }

    private Path twoLocations() throws IOException {
        Path a = dir.resolve("a");
        write(a, "b_second.sql", script("bbb", "aaa", "CREATE TABLE t2 (id int);\nINSERT INTO t2 VALUES (1);", "DROP TABLE t2;"));
        write(a, "a_first.sql", script("aaa", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;"));
        write(a, "notes.txt", "not a script");
        write(a, ".#a_first.sql", "editor lock file");
        Files.createDirectories(a.resolve("nested"));
        write(a.resolve("nested"), "c.sql", script("nested", "", "", ""));
        Path b = dir.resolve("b");
        write(b, "c_other.sql", script("ccc", "", "SELECT 1", ""));
        return b;
    }

    @Test
    void loadsSqlFilesDirectlyInEachLocationSortedByName() throws IOException {
        Path b = twoLocations();
        Path a = dir.resolve("a");
        ScriptDirectory scripts = ScriptDirectory.load(List.of(a, b, a));
        assertThat(scripts.versionLocations()).containsExactly(a, b);
        assertThat(scripts.scripts()).extracting(MigrationScript::id).containsExactly("aaa", "bbb", "ccc");
        assertThat(scripts.script("bbb").path()).isEqualTo(a.resolve("b_second.sql"));
        assertThat(scripts.script("bbb").revision().source()).isEqualTo(a.resolve("b_second.sql").toString());
        assertThat(scripts.find("ccc")).isPresent();
        assertThat(scripts.find("cc")).isEmpty();
    }

    @Test
    void unknownRevisionIsAnErrorNamingTheLocations() throws IOException {
        twoLocations();
        ScriptDirectory scripts = ScriptDirectory.load(List.of(dir.resolve("a")));
        assertThatThrownBy(() -> scripts.script("bb"))
                .isInstanceOf(RevisionException.class)
                .hasMessageContaining("declares revision 'bb'")
                .hasMessageContaining(dir.resolve("a").toString());
    }

    @Test
    void splitsStatementsPerDirectionAndMemoisesThem() throws IOException {
        twoLocations();
        ScriptDirectory scripts = ScriptDirectory.load(List.of(dir.resolve("a")));
        List<Statement> up = scripts.statements("bbb", Direction.UPGRADE, SqlSyntax.STANDARD);
        assertThat(up).containsExactly(new Statement("CREATE TABLE t2 (id int)", 5),
                new Statement("INSERT INTO t2 VALUES (1)", 6));
        assertThat(scripts.statements("bbb", Direction.DOWNGRADE, SqlSyntax.STANDARD))
                .containsExactly(new Statement("DROP TABLE t2", 8));
        assertThat(scripts.statements("bbb", Direction.UPGRADE, SqlSyntax.STANDARD)).isSameAs(up);
        assertThat(scripts.statements("bbb", Direction.UPGRADE, SqlSyntax.MYSQL)).isEqualTo(up).isNotSameAs(up);
    }

    @Test
    void concurrentCallersShareOneSplit() throws Exception {
        twoLocations();
        ScriptDirectory scripts = ScriptDirectory.load(List.of(dir.resolve("a")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<Statement>>> calls = IntStream.range(0, 64)
                    .<Callable<List<Statement>>>mapToObj(i -> () -> scripts.statements("aaa", Direction.UPGRADE, SqlSyntax.STANDARD))
                    .toList();
            List<Future<List<Statement>>> results = pool.invokeAll(calls);
            List<Statement> first = results.get(0).get();
            for (Future<List<Statement>> f : results) {
                assertThat(f.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void splittingErrorsNameTheScriptFile() throws IOException {
        Path a = dir.resolve("a");
        Path file = write(a, "x.sql", script("xxx", "", "SELECT 'oops;", ""));
        ScriptDirectory scripts = ScriptDirectory.load(List.of(a));
        assertThatThrownBy(() -> scripts.statements("xxx", Direction.UPGRADE, SqlSyntax.STANDARD))
                .isInstanceOf(ScriptParseException.class)
                .hasMessageStartingWith(file + ":5: unterminated string");
    }

    @Test
    void missingLocationIsAClearError() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(missing)))
                .isInstanceOf(ScriptFileException.class)
                .hasMessageContaining("'" + missing + "' does not exist")
                .hasMessageEndingWith("create it with 'drover init' or fix 'version_locations' in drover.ini");
    }

    @Test
    void headerErrorsNameTheFile() throws IOException {
        Path a = dir.resolve("a");
        Path file = write(a, "bad.sql", "-- revision: abc\nSELECT 1;\n-- drover:upgrade\n");
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(a)))
                .isInstanceOf(ScriptParseException.class)
                .hasMessageStartingWith(file + ":2: ");
    }

    @Test
    void duplicateRevisionIdsNameBothFiles() throws IOException {
        Path a = dir.resolve("a");
        Path one = write(a, "one.sql", script("dup", "", "", ""));
        Path two = write(a, "two.sql", script("dup", "", "", ""));
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(a)))
                .isInstanceOf(RevisionException.class)
                .hasMessageContaining("'" + one + "' and '" + two + "'");
    }

    @Test
    void invalidUtf8IsAClearError() throws IOException {
        Path a = dir.resolve("a");
        Files.createDirectories(a);
        Files.write(a.resolve("latin1.sql"), new byte[] {'-', '-', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(a)))
                .isInstanceOf(ScriptFileException.class)
                .hasMessageContaining("is not valid UTF-8");
    }

    @Test
    void emptyLocationHasNoScripts() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        assertThat(ScriptDirectory.load(List.of(dir.resolve("empty"))).scripts()).isEmpty();
    }
}
