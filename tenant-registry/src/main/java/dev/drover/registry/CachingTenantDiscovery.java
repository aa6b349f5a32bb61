package dev.drover.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;

/**
 * Caches another discovery's results (Caffeine) per section, url, user and query, for
 * {@code ttl} after they were read: one discovery per run for the CLI, periodic refresh for
 * long-lived library use. Failures are not cached.
 */
public final class CachingTenantDiscovery implements TenantDiscovery {

    private record Key(String section, String url, String user, String sql) {
    }

    private final TenantDiscovery delegate;
    private final Cache<Key, List<String>> cache;

    /**
     * @param delegate the discovery to cache
     * @param ttl how long a result is reused
     */
    public CachingTenantDiscovery(TenantDiscovery delegate, Duration ttl) {
        this(delegate, ttl, Ticker.systemTicker());
    }

    /**
     * @param delegate the discovery to cache
     * @param ttl how long a result is reused
     * @param ticker the clock of the expiry (a fake one in tests)
     */
    public CachingTenantDiscovery(TenantDiscovery delegate, Duration ttl, Ticker ticker) {
        this.delegate = delegate;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).build();
    }

    @Override
    public List<String> discover(DatabaseSection section, TenantSource.FromQuery query) {
        Key key = new Key(section.name(), section.url(), section.user(), query.sql());
        return cache.get(key, k -> List.copyOf(delegate.discover(section, query)));
    }

    /** Forgets every cached result (e.g. after tenants were created). */
    public void invalidateAll() {
        cache.invalidateAll();
    }
}
