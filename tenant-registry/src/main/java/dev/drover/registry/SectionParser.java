package dev.drover.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns one section's settings (read through its lookup chain) into a {@link DatabaseSection}. */
final class SectionParser {

    /** Keys a database section (or [DEFAULT], or [drover] as shared settings) may hold. */
    static final Set<String> DATABASE_KEYS = Set.of("url", "user", "password", "script_location",
            "version_locations", "file_template", "truncate_slug_length", "version_table",
            "version_table_schema", "history_table", "tenants", "search_path", "two_phase",
            "max_connections", "transaction_per_migration", "create_schema", "strategy", "lock_wait",
            "discovery_url", "fleet_ledger", "lock_timeout", "lock_retries", "statement_timeout", "throttle_query",
            "throttle_max", "throttle_wait", "max_replication_lag");
    /** Keys read only in [drover]. */
    static final Set<String> DROVER_KEYS = Set.of("databases", "concurrency");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    private static final String TENANT = "{tenant}";

    private final Path directory;

    SectionParser(Path directory) {
        this.directory = directory;
    }

    /** @throws ConfigException for a missing url, an unsupported URL, a wrong type or an inconsistent setting */
    DatabaseSection parse(SettingLookup s, String where) {
        return parse(s, where, null, null);
    }

    /**
     * As {@link #parse(SettingLookup, String)}, with what code gives that text cannot: a password taken as
     * it is (no interpolation) and tenants from a supplier.
     *
     * @param password replaces the {@code password} key, or {@code null} to read it
     * @param supplied replaces the {@code tenants} key, or {@code null} to read it
     */
    DatabaseSection parse(SettingLookup s, String where, Secret password, TenantSource supplied) {
        String name = s.section();
        String url = s.string("url");
        if (url == null) {
            throw new ConfigException(where + ": section [" + name + "] has no 'url'; add 'url = jdbc:...' to ["
                    + name + "] (or to [DEFAULT])");
        }
        String urlWhere = s.get("url").orElseThrow().where();
        Dialect dialect = Dialect.of(url).orElseThrow(() -> new ConfigException(urlWhere + ": the url of section ["
                + name + "] is not a supported JDBC URL ('" + UrlMasker.mask(url) + "'); start it with one of "
                + Dialect.SUPPORTED_PREFIXES));
        TenantSource tenants = supplied != null ? supplied : tenants(s, where);
        Tenancy tenancy = tenancy(url, dialect, tenants, urlWhere, name);
        Path scriptLocation = path(s.string("script_location", "migrations"));
        List<Path> versionLocations = s.list("version_locations").stream().map(this::path).toList();
        if (versionLocations.isEmpty()) {
            versionLocations = List.of(scriptLocation.resolve("versions"));
        }
        Secret secret = password != null ? password : Secret.of(s.get("password").map(v -> v.text()).orElse(null));
        return new DatabaseSection(name, url, s.string("user"), secret,
                dialect, tenancy, tenants, scriptLocation, versionLocations,
                s.string("file_template", "%(rev)s_%(slug)s"), s.integer("truncate_slug_length", 40, 1),
                identifier(s, "version_table", "drover_version"), identifier(s, "version_table_schema", null),
                identifier(s, "history_table", "drover_history"), searchPath(s, tenancy),
                s.bool("two_phase", false), s.integer("max_connections", 4, 1),
                s.bool("transaction_per_migration", true), s.bool("create_schema", false), strategy(s),
                Duration.ofSeconds(s.integer("lock_wait", 60, 0)), s.string("discovery_url"), fleetLedger(s, dialect),
                s.placeholders(), where, live(s, dialect));
    }

    /** lock_timeout ... throttle_wait; throttle_query and throttle_max go together, max_replication_lag is PostgreSQL's. */
    private static LiveSettings live(SettingLookup s, Dialect dialect) {
        LiveSettings d = LiveSettings.DEFAULT;
        String query = s.string("throttle_query");
        Double max = s.decimal("throttle_max");
        if (query != null && max == null) {
            throw s.invalid(s.get("throttle_query").orElseThrow(), "needs 'throttle_max'",
                    "add 'throttle_max = N' (the largest answer that still lets work start)");
        }
        if (query == null && max != null) {
            throw s.invalid(s.get("throttle_max").orElseThrow(), "has no 'throttle_query' to compare with",
                    "add 'throttle_query = SELECT ...' answering one number, or remove 'throttle_max'");
        }
        Double lag = s.decimal("max_replication_lag");
        if (lag != null && dialect != Dialect.POSTGRESQL) {
            throw s.invalid(s.get("max_replication_lag").orElseThrow(), "is measured on PostgreSQL only "
                    + "(pg_stat_replication)", "remove it, or measure lag with 'throttle_query' and 'throttle_max'");
        }
        return new LiveSettings(s.seconds("lock_timeout", d.lockTimeout()), s.integer("lock_retries", d.lockRetries(), 0),
                s.seconds("statement_timeout", d.statementTimeout()), query, max, lag,
                s.seconds("throttle_wait", d.throttleWait()));
    }

    private Path path(String text) {
        return directory.resolve(text).toAbsolutePath().normalize();
    }

    private TenantSource tenants(SettingLookup s, String where) {
        Optional<SettingLookup.Value> value = s.get("tenants");
        if (value.isEmpty() || value.get().text().isBlank()) {
            return new TenantSource.None(where);
        }
        String text = value.get().text().trim();
        String at = value.get().where();
        if (text.regionMatches(true, 0, "query:", 0, 6)) {
            String sql = text.substring(6).trim();
            if (sql.isEmpty()) {
                throw s.invalid(value.get(), "has an empty query", "write 'tenants = query: SELECT ...'");
            }
            return new TenantSource.FromQuery(sql, at);
        }
        if (text.regionMatches(true, 0, "file:", 0, 5)) {
            String file = text.substring(5).trim();
            if (file.isEmpty()) {
                throw s.invalid(value.get(), "has no file name", "write 'tenants = file: tenants.txt'");
            }
            return new TenantSource.FromFile(path(file), at);
        }
        return new TenantSource.Listed(SettingLookup.split(text), at);
    }

    private static Tenancy tenancy(String url, Dialect dialect, TenantSource tenants, String urlWhere, String name) {
        boolean templated = url.contains(TENANT);
        if (tenants instanceof TenantSource.None) {
            if (templated) {
                throw new ConfigException(urlWhere + ": the url of section [" + name + "] contains '{tenant}' but the "
                        + "section has no 'tenants'; add 'tenants = ...' or remove '{tenant}' from the url");
            }
            return Tenancy.SINGLE;
        }
        if (templated) {
            return Tenancy.DATABASE_PER_TENANT;
        }
        return dialect == Dialect.MARIADB ? Tenancy.USE_DATABASE_PER_TENANT : Tenancy.SCHEMA_PER_TENANT;
    }

    private static String searchPath(SettingLookup s, Tenancy tenancy) {
        String value = s.string("search_path");
        if (value == null) {
            return tenancy == Tenancy.SCHEMA_PER_TENANT ? TENANT : null;
        }
        if (value.contains(TENANT) && tenancy == Tenancy.SINGLE) {
            throw s.invalid(s.get("search_path").orElseThrow(), "contains '{tenant}' but the section has no tenants",
                    "add 'tenants = ...' or remove '{tenant}'");
        }
        return value;
    }

    /**
     * {@code fleet_ledger}: the schema of the PostgreSQL fleet ledger (default {@code public}) or
     * {@code off}; {@code null} for other databases. No {@code $}: the schema is written into function bodies.
     */
    private static String fleetLedger(SettingLookup s, Dialect dialect) {
        String value = s.string("fleet_ledger", "public");
        if (dialect != Dialect.POSTGRESQL || value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")) {
            return null;
        }
        String schema = identifier(s, "fleet_ledger", "public");
        if (schema.contains("$")) {
            throw s.invalid(s.get("fleet_ledger").orElseThrow(), "may not contain '$'", "name a schema without '$', or write 'off'");
        }
        return schema;
    }

    private static String identifier(SettingLookup s, String key, String fallback) {
        String value = s.string(key);
        if (value == null) {
            return fallback;
        }
        if (!IDENTIFIER.matcher(value).matches() || value.length() > 63) {
            throw s.invalid(s.get(key).orElseThrow(), "is not a plain SQL identifier",
                    "use letters, digits, '_' and '$' (at most 63), starting with a letter or '_'");
        }
        return value;
    }

    private static String strategy(SettingLookup s) {
        String value = s.string("strategy");
        if (value != null && !CLASS_NAME.matcher(value).matches()) {
            throw s.invalid(s.get("strategy").orElseThrow(), "is not a Java class name",
                    "write a fully qualified class name such as com.example.MyStrategy");
        }
        return value;
    }

    /** Warnings for keys a database section (or [DEFAULT]) does not read. */
    static List<ConfigWarning> unknownKeys(IniFile ini, String section, boolean droverSection) {
        List<ConfigWarning> warnings = new ArrayList<>();
        for (IniFile.Entry entry : ini.entries(section)) {
            String key = entry.key();
            if (DATABASE_KEYS.contains(key) || key.startsWith("x.") || (droverSection && DROVER_KEYS.contains(key))) {
                continue;
            }
            String message = DROVER_KEYS.contains(key)
                    ? "'" + key + "' is only read in [drover] and is ignored in [" + section + "]; move it to [drover]"
                    : "unknown key '" + key + "' in [" + section + "] is ignored; check its spelling (placeholders are written 'x.NAME')";
            warnings.add(new ConfigWarning(ini.location(entry.line()), message));
        }
        return warnings;
    }
}
