package dev.drover.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.env.examples.ForwardOnlyStrategy;
import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.graph.VersionDelta;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.registry.ConfigException;
import dev.drover.registry.Registry;
import dev.drover.registry.RegistryLoader;
import dev.drover.registry.RegistryTarget;
import dev.drover.registry.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategiesTest {

    @TempDir
    Path tmp;

    private Registry registry(String ini) throws IOException {
        Path file = tmp.resolve("drover.ini");
        Files.writeString(file, ini);
        Files.createDirectories(tmp.resolve("migrations/versions"));
        return new RegistryLoader().env(Map.of()).load(file);
    }

    private RegistryTarget first(Registry registry) {
        return registry.targets(Selection.all()).targets().get(0);
    }

    @Test
    void schemaPerTenantOnPostgresSelectsTheSchemaAndSearchPath() throws IOException {
        Registry registry = registry("""
                [drover]
                databases = app
                [app]
                url = jdbc:postgresql://127.0.0.1:5432/app
                tenants = acme
                search_path = {tenant}, public
                x.region = eu
                """);
        RegistryTarget target = first(registry);
        EnvironmentStrategy strategy = Strategies.forSection(target.section());
        assertThat(strategy).isInstanceOf(SchemaPerTenantStrategy.class);
        MigrationTarget mapped = strategy.target(target, Map.of("owner", "ops"), null);
        assertThat(mapped.tenantSchema()).isEqualTo("acme");
        assertThat(mapped.searchPath()).containsExactly("acme", "public");
        assertThat(mapped.placeholders()).containsEntry("tenant", "acme").containsEntry("schema", "acme")
                .containsEntry("database", "app").containsEntry("x.region", "eu").containsEntry("x.owner", "ops");
    }

    @Test
    void theTargetTakesTheDialectTheRegistryReadFromTheUrlWhateverItsCase() throws IOException {
        RegistryTarget target = first(registry("""
                [drover]
                databases = app
                [app]
                url = JDBC:PostgreSQL://127.0.0.1:5432/app
                tenants = acme
                """));
        MigrationTarget mapped = Strategies.forSection(target.section()).target(target, Map.of(), null);
        assertThat(mapped.dialect().name()).isEqualTo("postgresql");
        assertThat(mapped.tenantSchema()).isEqualTo("acme");
    }

    @Test
    void mariaDbTenantsAreDatabasesSelectedWithUse() throws IOException {
        RegistryTarget target = first(registry("""
                [drover]
                databases = crm
                [crm]
                url = jdbc:mariadb://127.0.0.1:3306/
                tenants = t1
                """));
        MigrationTarget mapped = Strategies.forSection(target.section()).target(target, Map.of(), null);
        assertThat(mapped.tenantSchema()).isEqualTo("t1");
        assertThat(mapped.searchPath()).isEmpty();
    }

    @Test
    void aSingleDatabaseHasNoTenantSchema() throws IOException {
        RegistryTarget target = first(registry("[drover]\nurl = jdbc:h2:mem:x\n"));
        EnvironmentStrategy strategy = Strategies.forSection(target.section());
        assertThat(strategy).isInstanceOf(SingleDatabaseStrategy.class);
        assertThat(strategy.target(target, Map.of(), null).tenantSchema()).isNull();
        assertThat(strategy.target(target, Map.of(), null).placeholders()).doesNotContainKey("tenant");
    }

    @Test
    void aStrategyNamedInTheIniIsLoaded() throws IOException {
        RegistryTarget target = first(registry("[drover]\nurl = jdbc:h2:mem:x\nstrategy = "
                + ForwardOnlyStrategy.class.getName() + "\n"));
        assertThat(Strategies.forSection(target.section())).isInstanceOf(ForwardOnlyStrategy.class);
    }

    @Test
    void badStrategyClassesAreConfigurationErrorsNamingTheLine() throws IOException {
        RegistryTarget missing = first(registry("[drover]\nurl = jdbc:h2:mem:x\nstrategy = com.example.Nope\n"));
        assertThatThrownBy(() -> Strategies.forSection(missing.section())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("drover.ini:").hasMessageContaining("'com.example.Nope'")
                .hasMessageContaining("class path");
        RegistryTarget wrongType = first(registry("[drover]\nurl = jdbc:h2:mem:x\nstrategy = java.lang.String\n"));
        assertThatThrownBy(() -> Strategies.forSection(wrongType.section())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not extend");
    }

    @Test
    void forwardOnlyVetoesDowngradesAndKeepsUpgrades() {
        MigrationTarget target = MigrationTarget.of("app/acme", "jdbc:h2:mem:x");
        Revision rev = Revision.of("aaa001");
        VersionDelta none = new VersionDelta(List.of(), List.of(), List.of("aaa001"));
        List<MigrationStep> up = List.of(new MigrationStep(rev, Direction.UPGRADE, none));
        ForwardOnlyStrategy strategy = new ForwardOnlyStrategy();
        assertThat(strategy.reviewPlan(target, up)).isEqualTo(up);
        assertThatThrownBy(() -> strategy.reviewPlan(target, List.of(new MigrationStep(rev, Direction.DOWNGRADE, none))))
                .isInstanceOf(PlanVetoedException.class).hasMessageContaining("'app/acme'").hasMessageContaining("'aaa001'");
    }
}
