package dev.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.script.ScriptDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent's sessions carry keepalives so that a lost agent's locks end in seconds; a URL's own choice stays. */
class SessionKeepaliveTest {

    @TempDir
    Path tmp;

    private String keptAlive(String url) throws Exception {
        Files.writeString(tmp.resolve("aaa001_a.sql"), "-- revision: aaa001\n-- down_revision:\n\n"
                + "-- drover:upgrade\nSELECT 1;\n\n-- drover:downgrade\nSELECT 1;\n");
        ScriptSource scripts = ScriptSource.of(ScriptDirectory.load(List.of(tmp)));
        FleetTarget target = FleetTarget.of(MigrationTarget.builder("s/t", url).build(), scripts, "s", "t");
        return SessionKeepalive.of(target).target().jdbcUrl();
    }

    @Test
    void postgresqlGetsKeepalivesOnBothEndsAndAUserTimeout() throws Exception {
        assertThat(keptAlive("jdbc:postgresql://db:5432/app?user=u")).startsWith("jdbc:postgresql://db:5432/app?user=u"
                + "&tcpKeepAlive=true&options=-c%20tcp_keepalives_idle%3D5").contains("tcp_user_timeout%3D10000");
        assertThat(keptAlive("jdbc:postgresql://db/app?options=-c%20x%3D1")).isEqualTo("jdbc:postgresql://db/app?options=-c%20x%3D1");
    }

    @Test
    void mariadbGetsConnectorJKeepalivesAndNoSocketTimeout() throws Exception {
        assertThat(keptAlive("jdbc:mariadb://db:3306/app?user=u")).isEqualTo("jdbc:mariadb://db:3306/app?user=u"
                + "&tcpKeepAlive=true&tcpKeepIdle=5&tcpKeepInterval=2&tcpKeepCount=3");
        assertThat(keptAlive("jdbc:mariadb://db:3306/app")).isEqualTo("jdbc:mariadb://db:3306/app"
                + "?tcpKeepAlive=true&tcpKeepIdle=5&tcpKeepInterval=2&tcpKeepCount=3").doesNotContain("socketTimeout");
        assertThat(keptAlive("jdbc:mariadb://db/app?tcpKeepIdle=30")).isEqualTo("jdbc:mariadb://db/app?tcpKeepIdle=30");
    }

    @Test
    void otherDatabasesAreLeftAlone() throws Exception {
        assertThat(keptAlive("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }
}
