package dev.drover.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DatabaseExtension.class)
class PostgresDiscoveryIT {

    @TempDir
    Path dir;

    private Registry registry(String url, String extra) {
        return new RegistryLoader().env(Map.of("URL", url)).load(IniFixture.write(dir, "drover.ini", """
                [drover]
                databases = billing
                [billing]
                url = ${env:URL}
                tenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%' ORDER BY 1
                """ + extra));
    }

    @Test
    void discoversSchemasAndRejectsHostileNames(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA tenant_a", "CREATE SCHEMA tenant_b", "CREATE SCHEMA \"tenant_x; DROP SCHEMA public\"",
                "CREATE SCHEMA other");

        ResolvedTargets result = registry(db.url(), "").targets(Selection.all());

        assertThat(result.targets()).extracting(RegistryTarget::key).containsExactly("billing/tenant_a", "billing/tenant_b");
        RegistryTarget a = result.targets().get(0);
        assertThat(a.schema()).isEqualTo("tenant_a");
        assertThat(a.database()).isEqualTo(db.name());
        assertThat(a.searchPath()).isEqualTo("tenant_a");
        assertThat(a.tenancy()).isEqualTo(Tenancy.SCHEMA_PER_TENANT);
        assertThat(result.rejected()).containsExactly(new RejectedTenant("billing", "tenant_x; DROP SCHEMA public",
                "does not match [A-Za-z_][A-Za-z0-9_$-]*"));
    }

    @Test
    void failingQueryIsReportedWithoutCredentials(@Database(DatabaseKind.POSTGRES) TestDatabase db) {
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "password=Leaky%40Secret";
        Registry registry = new RegistryLoader().env(Map.of("URL", url, "PW", "Leaky@Secret")).load(IniFixture.write(dir, "drover.ini", """
                [drover]
                url = ${env:URL}
                password = ${env:PW}
                tenants = query: SELECT nope FROM nowhere
                """));

        assertThatThrownBy(() -> registry.targets(Selection.all())).isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith(IniFixture.at(dir, 4) + ": discovering the tenants of section [drover]")
                .hasMessageContaining("SQLSTATE 42P01")
                .hasMessageNotContaining("Leaky");
    }
}
