package dev.drover.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One database section of {@code drover.ini}, fully typed, with {@code [DEFAULT]} and
 * {@code [drover]} inherited and defaults applied. For a single-database file ({@code [drover]}
 * holding {@code url}) the one section is named {@code drover}. {@link #toString()} masks
 * credentials.
 *
 * @param name the section name
 * @param url the JDBC URL as written after interpolation; may contain {@code {tenant}} (database per
 *            tenant) and any credentials the user put in it: print {@link #maskedUrl()} instead
 * @param user the {@code user} key, or {@code null} (the URL may carry one)
 * @param password the {@code password} key ({@link Secret#none()} when absent)
 * @param dialect derived from the URL prefix
 * @param tenancy how tenants map onto the database
 * @param tenants where the tenants come from
 * @param scriptLocation absolute script directory ({@code script_location}, default {@code migrations})
 * @param versionLocations absolute version directories ({@code version_locations}, default
 *                         {@code <script_location>/versions})
 * @param fileTemplate {@code file_template}, {@code %%} already unescaped (default {@code %(rev)s_%(slug)s})
 * @param truncateSlugLength {@code truncate_slug_length} (default 40)
 * @param versionTable {@code version_table} (default {@code drover_version})
 * @param versionTableSchema {@code version_table_schema}, or {@code null}
 * @param historyTable {@code history_table} (default {@code drover_history})
 * @param searchPath {@code search_path} template (may hold {@code {tenant}}); default {@code {tenant}}
 *                   for schema tenants, else {@code null}
 * @param twoPhase {@code two_phase} (default false)
 * @param maxConnections {@code max_connections}, the per-server cap (default 4)
 * @param transactionPerMigration {@code transaction_per_migration} (default true; false = one
 *                                transaction per target run)
 * @param createSchema {@code create_schema}: create a missing tenant schema (default false)
 * @param strategy {@code strategy}: a class name for the env-strategy SPI, or {@code null}
 * @param lockWait {@code lock_wait} (seconds, default 60)
 * @param discoveryUrl {@code discovery_url}, the URL a {@code query:} runs on when the url has
 *                     {@code {tenant}}; {@code null} when not set (see {@link JdbcTenantDiscovery})
 * @param fleetLedger {@code fleet_ledger}: the schema of the PostgreSQL fleet ledger (default {@code public}),
 *                    or {@code null} when set to {@code off} or for other databases
 * @param placeholders {@code x.NAME = value} entries (name case preserved)
 * @param where file:line of the section header (or the file), for messages
 * @param live lock and statement timeouts, throttling ({@code lock_timeout}, ..., {@code throttle_wait})
 */
public record DatabaseSection(
        String name, String url, String user, Secret password, Dialect dialect, Tenancy tenancy,
        TenantSource tenants, Path scriptLocation, List<Path> versionLocations, String fileTemplate,
        int truncateSlugLength, String versionTable, String versionTableSchema, String historyTable,
        String searchPath, boolean twoPhase, int maxConnections, boolean transactionPerMigration,
        boolean createSchema, String strategy, Duration lockWait, String discoveryUrl, String fleetLedger,
        Map<String, String> placeholders, String where, LiveSettings live) {

    public DatabaseSection {
        versionLocations = List.copyOf(versionLocations);
        placeholders = Map.copyOf(placeholders);
        live = live == null ? LiveSettings.DEFAULT : live;
    }

    /** A section with the default {@link LiveSettings}. */
    public DatabaseSection(String name, String url, String user, Secret password, Dialect dialect, Tenancy tenancy,
            TenantSource tenants, Path scriptLocation, List<Path> versionLocations, String fileTemplate,
            int truncateSlugLength, String versionTable, String versionTableSchema, String historyTable,
            String searchPath, boolean twoPhase, int maxConnections, boolean transactionPerMigration,
            boolean createSchema, String strategy, Duration lockWait, String discoveryUrl, String fleetLedger,
            Map<String, String> placeholders, String where) {
        this(name, url, user, password, dialect, tenancy, tenants, scriptLocation, versionLocations, fileTemplate,
                truncateSlugLength, versionTable, versionTableSchema, historyTable, searchPath, twoPhase,
                maxConnections, transactionPerMigration, createSchema, strategy, lockWait, discoveryUrl, fleetLedger,
                placeholders, where, LiveSettings.DEFAULT);
    }

    /** @return the url with credentials masked (safe to print) */
    public String maskedUrl() {
        return UrlMasker.mask(url);
    }

    /** @return whether {@code {tenant}} appears in the url */
    public boolean databasePerTenant() {
        return tenancy == Tenancy.DATABASE_PER_TENANT;
    }

    @Override
    public String toString() {
        return "DatabaseSection[" + name + ", " + dialect.id() + ", " + maskedUrl() + ", " + tenancy
                + ", version_table=" + versionTable + "]";
    }
}
