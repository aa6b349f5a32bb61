package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a plain local run loads no cluster class. The JVM's own class-loading log of a child process is the
 * witness: {@code --help} and an upgrade on the quick-start H2 project load nothing of Hazelcast, of Vert.x's
 * cluster manager or of Drover's cluster code, while {@code --cluster} does (so the check can see them).
 */
class ClusterClassLoadingIT {

    private static final Pattern CLUSTER_CLASS = Pattern.compile(
            "com\\.hazelcast\\.|io\\.vertx\\.spi\\.cluster\\.|dev\\.drover\\.cluster\\.|dev\\.drover\\.cli\\.cluster\\.");

    @TempDir
    Path tmp;

    @Test
    void helpAndALocalUpgradeLoadNoClusterClass() throws Exception {
        assertThat(run("init", List.of(), "init", "app")).isZero();
        assertThat(run("revision", List.of(), "-c", "app/drover.ini", "revision", "-m", "first")).isZero();

        assertThat(run("help", classLog("help"), "--help")).isZero();
        assertThat(run("upgrade", classLog("upgrade"), "-c", "app/drover.ini", "upgrade")).isZero();
        assertThat(run("cluster", classLog("cluster"), "-c", "app/drover.ini", "upgrade", "--cluster")).isEqualTo(2);

        assertThat(loaded("help")).anyMatch(l -> l.contains("dev.drover.cli.app.DroverCommand"))
                .noneMatch(l -> CLUSTER_CLASS.matcher(l).find());
        assertThat(loaded("upgrade")).anyMatch(l -> l.contains("dev.drover.env.Fleet "))
                .noneMatch(l -> CLUSTER_CLASS.matcher(l).find());
        // the witness sees cluster classes when they are used (here: --cluster without a [cluster] section)
        assertThat(loaded("cluster")).anyMatch(l -> l.contains("dev.drover.clusterhost.CoordinatorSession"));
        assertThat(Files.readString(tmp.resolve("cluster.out"))).contains("there is no [cluster] section");
    }

    private List<String> classLog(String name) {
        return List.of("-Xlog:class+load=info:file=" + tmp.resolve(name + ".classes"));
    }

    private List<String> loaded(String name) throws Exception {
        return Files.readAllLines(tmp.resolve(name + ".classes"));
    }

    private int run(String name, List<String> jvm, String... args) throws Exception {
        ChildDrover child = ChildDrover.start(tmp, name, jvm, Map.of(), args);
        return child.exitCode(Duration.ofMinutes(2));
    }
}
