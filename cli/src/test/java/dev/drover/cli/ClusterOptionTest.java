package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code --cluster} refuses before joining anything: exit 2, a message saying what to do instead. */
class ClusterOptionTest {

    @TempDir
    Path tmp;

    @Test
    void checkDriftIsRefusedWithClusterBecauseItReadsSchemasWithThisMachinesConnections() throws Exception {
        Files.writeString(tmp.resolve("drover.ini"), """
                [drover]
                url = jdbc:postgresql://127.0.0.1:9/nowhere
                version_locations = %(here)s/versions
                """);
        Files.createDirectories(tmp.resolve("versions"));
        CliRun.Result result = new CliRun(tmp).run("check", "--drift", "--cluster");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("check --drift").contains("--cluster opens none").contains("drop --drift");
    }
}
