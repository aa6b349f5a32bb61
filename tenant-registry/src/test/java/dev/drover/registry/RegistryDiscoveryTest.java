package dev.drover.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Registry.withDiscovery}: a cluster coordinator lists {@code query:} tenants elsewhere, validated as ever. */
class RegistryDiscoveryTest {

    @TempDir
    Path dir;

    @Test
    void anotherDiscoveryListsTheTenantsAroundTheRegistrysOwnAndTheNamesAreValidatedAsEver() {
        Registry registry = new RegistryLoader().env(Map.of()).discovery((section, query) -> List.of("local"))
                .load(IniFixture.write(dir, "drover.ini", "[drover]\nurl = jdbc:postgresql://h/app\n"
                        + "tenants = query: SELECT nspname FROM pg_namespace\n"));
        Registry elsewhere = registry.withDiscovery(own -> (section, query) -> {
            assertThat(own.discover(section, query)).containsExactly("local");
            assertThat(query.sql()).isEqualTo("SELECT nspname FROM pg_namespace");
            return List.of("acme", "bad name", "globex");
        });

        ResolvedTargets resolved = elsewhere.targets(Selection.all());
        assertThat(resolved.targets()).extracting(RegistryTarget::tenant).containsExactly("acme", "globex");
        assertThat(resolved.rejected()).extracting(RejectedTenant::name).containsExactly("bad name");
        assertThat(registry.targets(Selection.all()).targets()).extracting(RegistryTarget::tenant).containsExactly("local");
    }
}
