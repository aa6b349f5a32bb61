package dev.drover.registry;

import static dev.drover.registry.IniFixture.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: the [cluster] section and a database section's zone. */
class ClusterSectionTest {

    @TempDir
    Path dir;

    private static final String FILE = """
            [drover]
            databases = east, west
            [cluster]
            name = prod-fleet
            members = fleet-a.internal:5701, fleet-b.internal:5701
            port = 5702
            zones = eu-west
            key = ${env:DROVER_CLUSTER_KEY}
            [east]
            url = jdbc:postgresql://h/east
            zone = eu-west
            [west]
            url = jdbc:postgresql://h/west
            """;

    @Test
    void readsEveryKeyAndEachSectionsZoneWithoutTakingClusterForADatabase() {
        Registry registry = load(dir, FILE, Map.of("DROVER_CLUSTER_KEY", "s3cret"));

        ClusterSection cluster = registry.cluster();
        assertThat(cluster.name()).isEqualTo("prod-fleet");
        assertThat(cluster.members()).containsExactly("fleet-a.internal:5701", "fleet-b.internal:5701");
        assertThat(cluster.port()).isEqualTo(5702);
        assertThat(cluster.host()).isEqualTo("127.0.0.1");
        assertThat(cluster.zones()).containsExactly("eu-west");
        assertThat(cluster.key().reveal()).isEqualTo("s3cret");
        assertThat(cluster.toString()).doesNotContain("s3cret");
        assertThat(registry.zone("east")).isEqualTo("eu-west");
        assertThat(registry.zone("west")).isNull();
        assertThat(registry.sectionNames()).containsExactly("east", "west");
        assertThat(registry.warnings()).isEmpty();
    }

    @Test
    void anUnsetKeyVariableBreaksOnlyTheClusterNotALocalRun() {
        Registry registry = load(dir, FILE, Map.of());

        assertThat(registry.sections()).hasSize(2);
        assertThatThrownBy(registry::cluster).hasMessageContaining("DROVER_CLUSTER_KEY");
    }

    @Test
    void withoutAClusterSectionTheClusterIsRefusedSayingWhatToAdd() {
        Registry registry = load(dir, "[drover]\nurl = jdbc:postgresql://h/db\n");

        assertThatThrownBy(registry::cluster).isInstanceOf(ConfigException.class)
                .hasMessageContaining("there is no [cluster] section");
        assertThat(registry.zone("drover")).isNull();
    }

    @Test
    void anUnknownClusterKeyIsAWarningNamingIt() {
        Registry registry = load(dir, "[drover]\nurl = jdbc:postgresql://h/db\n[cluster]\nmembrs = a:1\n");

        assertThat(registry.warnings()).hasSize(1);
        assertThat(registry.warnings().get(0).toString()).contains("unknown key 'membrs' in [cluster]");
        assertThat(registry.cluster().members()).isEqualTo(List.of());
    }
}
