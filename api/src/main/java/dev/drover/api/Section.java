package dev.drover.api;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A database section built in code ({@link DroverBuilder#section}), the same as an INI section and validated
 * the same way: hostile tenant names are rejected, the password never printed. Immutable; each method returns
 * a new section. Any INI key not given a method here can be set with {@link #set}.
 */
public final class Section {

    private final String name;
    private final Map<String, String> settings;
    private final String password;
    private final Supplier<? extends List<String>> tenants;
    private final DataSource dataSource;

    private Section(String name, Map<String, String> settings, String password,
            Supplier<? extends List<String>> tenants, DataSource dataSource) {
        this.name = name;
        this.settings = Map.copyOf(settings);
        this.password = password;
        this.tenants = tenants;
        this.dataSource = dataSource;
    }

    /** A section named {@code name} (letters, digits, {@code _ $ -}); give it a url or a data source. */
    public static Section named(String name) {
        return new Section(Objects.requireNonNull(name, "name"), Map.of(), null, null, null);
    }

    /** The JDBC URL ({@code {tenant}} in it: a database per tenant). */
    public Section url(String url) {
        return set("url", url);
    }

    /**
     * The application's own pool: Drover borrows its connections instead of opening its own. Its JDBC URL
     * (read once from a connection's metadata) names the dialect and the server.
     */
    public Section dataSource(DataSource source) {
        return new Section(name, settings, password, tenants, Objects.requireNonNull(source, "dataSource"));
    }

    public Section user(String user) {
        return set("user", user);
    }

    /** The password, taken as it is (no interpolation), never printed. */
    public Section password(String secret) {
        return new Section(name, settings, secret, tenants, dataSource);
    }

    /** A fixed list of tenants. */
    public Section tenants(List<String> names) {
        List<String> copy = List.copyOf(names);
        return tenants(() -> copy);
    }

    /** Tenants asked for at every call that resolves targets (e.g. read from the application's own table). */
    public Section tenants(Supplier<? extends List<String>> names) {
        return new Section(name, settings, password, Objects.requireNonNull(names, "tenants"), dataSource);
    }

    /** The directories of this section's revisions. */
    public Section versionLocations(Path... locations) {
        return set("version_locations", String.join(", ", java.util.Arrays.stream(locations).map(Path::toString).toList()));
    }

    /** Whether a missing tenant schema (MariaDB: database) is created; onboarding needs it. */
    public Section createSchema(boolean create) {
        return set("create_schema", Boolean.toString(create));
    }

    /** Any INI key of a database section, e.g. {@code set("version_table", "alembic_version")}. */
    public Section set(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
        return new Section(name, copy, password, tenants, dataSource);
    }

    String name() {
        return name;
    }

    Map<String, String> settings() {
        return settings;
    }

    String password() {
        return password;
    }

    Supplier<? extends List<String>> tenantSupplier() {
        return tenants;
    }

    DataSource dataSourceOrNull() {
        return dataSource;
    }

    /** Safe to print: no password, no url credentials. */
    @Override
    public String toString() {
        return "Section[" + name + (dataSource != null ? ", dataSource" : "") + "]";
    }
}
