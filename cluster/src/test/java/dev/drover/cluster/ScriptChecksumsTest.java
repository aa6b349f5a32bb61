package dev.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.script.ScriptDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent refuses work when its scripts differ from the coordinator's, naming the first revision that differs. */
class ScriptChecksumsTest {

    @TempDir
    Path tmp;

    private ScriptSource scripts(String name, String bbb002, boolean withCcc003) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("aaa001_a.sql"), "-- revision: aaa001\n-- down_revision:\n\n"
                + "-- drover:upgrade\nCREATE TABLE a (id INT);\n\n-- drover:downgrade\nDROP TABLE a;\n");
        if (bbb002 != null) {
            Files.writeString(dir.resolve("bbb002_b.sql"), "-- revision: bbb002\n-- down_revision: aaa001\n\n"
                    + "-- drover:upgrade\n" + bbb002 + "\n\n-- drover:downgrade\nALTER TABLE a DROP b;\n");
        }
        if (withCcc003) {
            Files.writeString(dir.resolve("ccc003_c.sql"), "-- revision: ccc003\n-- down_revision: bbb002\n\n"
                    + "-- drover:upgrade\nSELECT 1;\n\n-- drover:downgrade\nSELECT 1;\n");
        }
        return ScriptSource.of(ScriptDirectory.load(List.of(dir)));
    }

    @Test
    void theSameScriptsAgree() throws Exception {
        Map<String, String> coordinator = ScriptChecksums.of(scripts("coordinator", "ALTER TABLE a ADD b INT;", false));

        assertThat(coordinator).containsOnlyKeys("aaa001", "bbb002");
        assertThat(ScriptChecksums.difference(coordinator, scripts("agent", "ALTER TABLE a ADD b INT;", false))).isNull();
    }

    @Test
    void anEditedMissingOrExtraScriptIsNamed() throws Exception {
        Map<String, String> coordinator = ScriptChecksums.of(scripts("coordinator", "ALTER TABLE a ADD b INT;", false));

        assertThat(ScriptChecksums.difference(coordinator, scripts("edited", "ALTER TABLE a ADD b TEXT;", false)))
                .startsWith("its script of revision 'bbb002' differs from the coordinator's");
        assertThat(ScriptChecksums.difference(coordinator, scripts("missing", null, false)))
                .isEqualTo("it has no script for revision 'bbb002'");
        assertThat(ScriptChecksums.difference(coordinator, scripts("extra", "ALTER TABLE a ADD b INT;", true)))
                .isEqualTo("it has a script for revision 'ccc003' that the coordinator does not have");
    }
}
