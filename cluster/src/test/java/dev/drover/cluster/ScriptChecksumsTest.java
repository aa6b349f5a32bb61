package dev.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.runtime.FakeScripts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent refuses work when its scripts differ from the coordinator's, naming the first revision that differs. */
class ScriptChecksumsTest {

    private static FakeScripts scripts() {
        return new FakeScripts().add("aaa001", List.of(), List.of("CREATE TABLE a (id INT)"), List.of("DROP TABLE a"))
                .add("bbb002", List.of("aaa001"), List.of("ALTER TABLE a ADD b INT"), List.of("ALTER TABLE a DROP b"));
    }

    @Test
    void theSameScriptsAgree() {
        assertThat(ScriptChecksums.difference(ScriptChecksums.of(scripts()), scripts())).isNull();
    }

    @Test
    void anEditedMissingOrExtraScriptIsNamed() {
        Map<String, String> coordinator = ScriptChecksums.of(scripts());

        assertThat(ScriptChecksums.difference(coordinator, scripts().edit("bbb002", List.of("ALTER TABLE a ADD c INT"))))
                .startsWith("its script of revision 'bbb002' differs from the coordinator's");
        assertThat(ScriptChecksums.difference(coordinator, new FakeScripts()
                .add("aaa001", List.of(), List.of("CREATE TABLE a (id INT)"), List.of("DROP TABLE a"))))
                .isEqualTo("it has no script for revision 'bbb002'");
        assertThat(ScriptChecksums.difference(coordinator, scripts()
                .add("ccc003", List.of("bbb002"), List.of("SELECT 1"), List.of("SELECT 1"))))
                .isEqualTo("it has a script for revision 'ccc003' that the coordinator does not have");
    }
}
