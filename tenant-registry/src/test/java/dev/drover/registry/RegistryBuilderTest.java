package dev.drover.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryBuilderTest {

    private final Path here = Path.of("/srv/app");

    @Test
    void suppliedTenantsAreAskedAtEachResolutionAndValidatedLikeAFilesTenants() {
        List<String> tenants = new ArrayList<>(List.of("acme", "globex"));
        Registry registry = new RegistryBuilder(here)
                .section("billing", Map.of("url", "jdbc:postgresql://127.0.0.1:5432/billing", "create_schema", "true"),
                        Secret.of("s3cret;${x}"), () -> tenants)
                .build();
        assertThat(keys(registry.targets(Selection.all()))).containsExactly("billing/acme", "billing/globex");

        tenants.add("bad\"; DROP SCHEMA public; --");
        tenants.add("newco");
        ResolvedTargets resolved = registry.targets(Selection.all());
        assertThat(keys(resolved)).containsExactly("billing/acme", "billing/globex", "billing/newco");
        assertThat(resolved.rejected()).singleElement().satisfies(r -> {
            assertThat(r.name()).startsWith("bad");
            assertThat(r.reason()).contains("does not match");
        });
    }

    @Test
    void thePasswordIsTakenVerbatimAndNeverPrinted() {
        Registry registry = new RegistryBuilder(here)
                .section("crm", Map.of("url", "jdbc:mariadb://127.0.0.1:3306/crm"), Secret.of("p;a${ss}"), null)
                .build();
        DatabaseSection crm = registry.section("crm");
        assertThat(crm.password().reveal()).isEqualTo("p;a${ss}");
        assertThat(crm.toString()).doesNotContain("p;a");
        assertThat(registry.targets(Selection.all()).targets().get(0).toString()).doesNotContain("p;a");
    }

    @Test
    void settingsAreValidatedAsInAFileNamingTheSectionAndKey() {
        Registry registry = new RegistryBuilder(here)
                .section("billing", Map.of("url", "jdbc:h2:mem:x", "version_table", "v; drop"), null, null)
                .build();
        assertThatThrownBy(() -> registry.section("billing"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("registry built in code")
                .hasMessageContaining("version_table")
                .hasMessageContaining("not a plain SQL identifier");
        assertThatThrownBy(() -> new RegistryBuilder(here).section("a,b", Map.of("url", "jdbc:h2:mem:x"), null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("section name 'a,b' is not allowed");
    }

    @Test
    void relativeVersionLocationsResolveAgainstTheGivenDirectory() {
        Registry registry = new RegistryBuilder(here)
                .section("billing", Map.of("url", "jdbc:h2:mem:x", "version_locations", "db/billing"), null, null)
                .build();
        assertThat(registry.section("billing").versionLocations()).containsExactly(Path.of("/srv/app/db/billing"));
    }

    @Test
    void aNewTenantsTargetIsBuiltAndAHostileNameRejected() {
        Registry registry = new RegistryBuilder(here)
                .section("billing", Map.of("url", "jdbc:h2:mem:x", "tenants", "acme"), null, null)
                .section("single", Map.of("url", "jdbc:h2:mem:y"), null, null)
                .build();
        RegistryTarget target = registry.target("billing", "newco");
        assertThat(target.key()).isEqualTo("billing/newco");
        assertThat(target.schema()).isEqualTo("newco");
        assertThatThrownBy(() -> registry.target("billing", "x\"; drop schema acme cascade; --"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is rejected: does not match");
        assertThatThrownBy(() -> registry.target("single", "newco"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("has no tenants");
    }

    private static List<String> keys(ResolvedTargets resolved) {
        return resolved.targets().stream().map(RegistryTarget::key).toList();
    }
}
