package dev.drover.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingTenantDiscoveryTest {

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final AtomicInteger calls = new AtomicInteger();

    private Registry registry(TenantDiscovery discovery) {
        return new RegistryLoader().env(java.util.Map.of()).discovery(discovery).load(IniFixture.write(dir, "drover.ini",
                "[drover]\nurl = jdbc:postgresql://h/app\ntenants = query: SELECT nspname FROM pg_namespace\n"));
    }

    @Test
    void discoversOncePerTtl() {
        CachingTenantDiscovery cache = new CachingTenantDiscovery((section, query) -> {
            calls.incrementAndGet();
            return calls.get() == 1 ? List.of("a", "b") : List.of("a", "b", "c");
        }, Duration.ofMinutes(5), ticker);
        Registry registry = registry(cache);

        assertThat(registry.targets(Selection.all()).targets()).extracting(RegistryTarget::tenant).containsExactly("a", "b");
        nanos.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat(registry.targets(Selection.all()).targets()).hasSize(2);
        assertThat(calls).hasValue(1);

        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(registry.targets(Selection.all()).targets()).extracting(RegistryTarget::tenant).containsExactly("a", "b", "c");
        assertThat(calls).hasValue(2);
        cache.invalidateAll();
        registry.targets(Selection.all());
        assertThat(calls).hasValue(3);
    }

    @Test
    void failuresAreNotCached() {
        CachingTenantDiscovery cache = new CachingTenantDiscovery((section, query) -> {
            if (calls.incrementAndGet() == 1) {
                throw new DiscoveryException("down", "08001");
            }
            return List.of("a");
        }, Duration.ofMinutes(5), ticker);
        Registry registry = registry(cache);

        assertThatThrownBy(() -> registry.targets(Selection.all())).isInstanceOf(DiscoveryException.class);
        assertThat(registry.targets(Selection.all()).targets()).hasSize(1);
    }

    @Test
    void discoveredHostileNamesAreRejected() {
        Registry registry = registry((section, query) -> List.of("tenant_a", "x\"; DROP SCHEMA public; --", ""));

        ResolvedTargets result = registry.targets(Selection.all());
        assertThat(result.targets()).extracting(RegistryTarget::key).containsExactly("drover/tenant_a");
        assertThat(result.rejected()).extracting(RejectedTenant::name).containsExactly("x\"; DROP SCHEMA public; --", "");
    }

    @Test
    void discoveryUrlOfDatabasePerTenant() {
        DatabaseSection maria = section("jdbc:mariadb://h:3306/{tenant}?user=u", Dialect.MARIADB, null);
        DatabaseSection pg = section("jdbc:postgresql://h/t_{tenant}?ssl=true", Dialect.POSTGRESQL, null);
        DatabaseSection h2 = section("jdbc:h2:mem:{tenant}", Dialect.H2, null);
        DatabaseSection explicit = section("jdbc:h2:mem:{tenant}", Dialect.H2, "jdbc:h2:mem:catalog");

        assertThat(JdbcTenantDiscovery.discoveryUrl(maria)).isEqualTo("jdbc:mariadb://h:3306/?user=u");
        assertThat(JdbcTenantDiscovery.discoveryUrl(pg)).isEqualTo("jdbc:postgresql://h/postgres?ssl=true");
        assertThat(JdbcTenantDiscovery.discoveryUrl(explicit)).isEqualTo("jdbc:h2:mem:catalog");
        assertThatThrownBy(() -> JdbcTenantDiscovery.discoveryUrl(h2)).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("set 'discovery_url' to the URL the query should run on");
    }

    @Test
    void failedConnectionMessageIsSanitised() {
        DatabaseSection section = section("jdbc:nosuchdriver://h/db?password=leak1", Dialect.H2, null);

        assertThatThrownBy(() -> new JdbcTenantDiscovery().discover(section, new TenantSource.FromQuery("SELECT 1", "f:3")))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith("f:3: discovering the tenants of section [s]")
                .hasMessageNotContaining("leak1");
    }

    private static DatabaseSection section(String url, Dialect dialect, String discoveryUrl) {
        return new DatabaseSection("s", url, null, Secret.none(), dialect, Tenancy.DATABASE_PER_TENANT,
                new TenantSource.FromQuery("SELECT 1", "f:3"), Path.of("/m"), List.of(Path.of("/m/versions")),
                "%(rev)s_%(slug)s", 40, "drover_version", null, "drover_history", null, false, 4, true, false, null,
                Duration.ofSeconds(60), discoveryUrl, null, java.util.Map.of(), "f:1");
    }
}
