package dev.drover.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One migration target: a section, or one tenant of a section, with everything a runner or a
 * {@code drover targets} listing needs. {@link #toString()} is safe to print (masked url, no
 * password).
 *
 * @param key {@code section} or {@code section/tenant}; unique in a result, also the shard key
 * @param section the section's settings
 * @param tenant the tenant, or {@code null} for a single-target section
 * @param schema the schema the target lives in: the tenant for schema-per-tenant on PostgreSQL/H2,
 *               otherwise {@code null} (the connection's default)
 * @param database the database: the tenant for MariaDB {@code USE}-per-tenant, the URL's database
 *                 otherwise (may be empty, e.g. a MariaDB URL without database)
 * @param url the JDBC URL with {@code {tenant}} substituted; it holds whatever credentials the user
 *            wrote in it, so print {@link #maskedUrl()}
 * @param server lower-case {@code host:port} (several for multi-host URLs; {@code h2} for H2), for
 *               per-server connection limits
 * @param searchPath the rendered {@code search_path} ({@code {tenant}} substituted), or {@code null}
 */
public record RegistryTarget(String key, DatabaseSection section, String tenant, String schema, String database,
                             String url, String server, String searchPath) {

    /** @return the section name */
    public String sectionName() {
        return section.name();
    }

    /** @return the url with credentials masked */
    public String maskedUrl() {
        return UrlMasker.mask(url);
    }

    /** @return the dialect name: {@code postgresql}, {@code mariadb} or {@code h2} */
    public String dialectName() {
        return section.dialect().id();
    }

    public Dialect dialect() {
        return section.dialect();
    }

    public Tenancy tenancy() {
        return section.tenancy();
    }

    public String user() {
        return section.user();
    }

    public Secret password() {
        return section.password();
    }

    public String versionTable() {
        return section.versionTable();
    }

    /** @return {@code version_table_schema}, or {@code null} (the target's schema / search_path decides) */
    public String versionTableSchema() {
        return section.versionTableSchema();
    }

    public String historyTable() {
        return section.historyTable();
    }

    /** @return the schemas of {@link #searchPath()}, split on commas and trimmed (quote each one in SQL) */
    public List<String> searchPathSchemas() {
        List<String> schemas = new ArrayList<>();
        if (searchPath != null) {
            for (String each : searchPath.split(",")) {
                if (!each.isBlank()) {
                    schemas.add(each.trim());
                }
            }
        }
        return schemas;
    }

    public boolean twoPhase() {
        return section.twoPhase();
    }

    public int maxConnections() {
        return section.maxConnections();
    }

    public boolean transactionPerMigration() {
        return section.transactionPerMigration();
    }

    public boolean createSchema() {
        return section.createSchema();
    }

    public Path scriptLocation() {
        return section.scriptLocation();
    }

    public List<Path> versionLocations() {
        return section.versionLocations();
    }

    public String fileTemplate() {
        return section.fileTemplate();
    }

    public int truncateSlugLength() {
        return section.truncateSlugLength();
    }

    /** @return the env-strategy class name, or {@code null} */
    public String strategy() {
        return section.strategy();
    }

    public Duration lockWait() {
        return section.lockWait();
    }

    /** The schema of the PostgreSQL fleet ledger ({@code fleet_ledger}), or {@code null} for none. */
    public String fleetLedger() {
        return section.fleetLedger();
    }

    /** Lock and statement timeouts, throttling. */
    public LiveSettings live() {
        return section.live();
    }

    public Map<String, String> placeholders() {
        return section.placeholders();
    }

    /**
     * @return what identifies the version table physically: dialect, server, database, the schema
     *         holding the version table, and its name. Two targets with equal identities would
     *         share one version table.
     */
    public String physicalIdentity() {
        String tableSchema = versionTableSchema() != null ? versionTableSchema() : schema == null ? "" : schema;
        return dialect().id() + "|" + server + "|" + database + "|" + tableSchema + "|" + versionTable();
    }

    @Override
    public String toString() {
        return "RegistryTarget[" + key + ", " + dialectName() + ", " + maskedUrl()
                + (schema == null ? "" : ", schema=" + schema) + ", database=" + database
                + ", version_table=" + versionTable() + (twoPhase() ? ", two_phase" : "") + "]";
    }
}
