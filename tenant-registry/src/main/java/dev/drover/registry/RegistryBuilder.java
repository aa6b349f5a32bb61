package dev.drover.registry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A {@link Registry} built in code instead of read from {@code drover.ini}: each section's settings are the
 * keys an INI section would hold ({@code url}, {@code tenants}, {@code version_locations}, ...), read by the
 * same parser with the same validation and messages, so a code-built registry accepts exactly what a file
 * would. What text cannot carry is given as objects: a password taken verbatim (no interpolation) and
 * tenants from a {@link Supplier} asked at every resolution (names still validated; a rejected name is
 * reported, never sent to a database).
 */
public final class RegistryBuilder {

    /** What a section takes from code rather than from its settings; {@code null} fields read the settings. */
    record Overrides(Secret password, TenantSource tenants) {
        static final Overrides NONE = new Overrides(null, null);
    }

    private static final Pattern SECTION_NAME = Pattern.compile(TenantNames.RULE);

    private final Path file;
    private final Map<String, String> drover = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private final Map<String, Overrides> overrides = new LinkedHashMap<>();
    private final RegistryLoader loader = new RegistryLoader();

    /**
     * @param directory where relative paths ({@code script_location}, {@code version_locations},
     *                  {@code file:} tenants) resolve, as a file's directory would ({@code %(here)s})
     */
    public RegistryBuilder(Path directory) {
        this.file = directory.toAbsolutePath().normalize().resolve("(registry built in code)");
    }

    /** A {@code [drover]} setting, e.g. {@code concurrency}. */
    public RegistryBuilder drover(String key, String value) {
        drover.put(key, Objects.requireNonNull(value, key));
        return this;
    }

    /**
     * Adds a database section, in rollout order.
     *
     * @param settings the section's keys and values as written in an INI file (interpolated the same way)
     * @param password the password taken as it is, or {@code null} for the {@code password} setting (if any)
     * @param tenants  tenants asked for at each resolution, or {@code null} for the {@code tenants} setting
     * @throws ConfigException for a section name a file could not hold or a name given twice
     */
    public RegistryBuilder section(String name, Map<String, String> settings, Secret password,
            Supplier<? extends List<String>> tenants) {
        if (name == null || !SECTION_NAME.matcher(name).matches() || name.equals(RegistryLoader.DROVER)
                || name.equals(RegistryLoader.DEFAULT)) {
            throw new ConfigException(file + ": section name '" + name + "' is not allowed; use letters, digits, '_',"
                    + " '$' and '-', starting with a letter or '_' (and neither 'drover' nor 'DEFAULT')");
        }
        if (sections.containsKey(name)) {
            throw new ConfigException(file + ": section '" + name + "' is added twice; add it once");
        }
        sections.put(name, new LinkedHashMap<>(settings));
        String where = file + ": section [" + name + "]";
        overrides.put(name, new Overrides(password, tenants == null ? null : new TenantSource.Supplied(tenants, where)));
        return this;
    }

    /** Reads {@code ${env:VAR}} from {@code env} instead of the process environment. */
    public RegistryBuilder env(Map<String, String> env) {
        loader.env(env);
        return this;
    }

    /** Discovers {@code query:} tenants with {@code discovery} (default: JDBC, cached 5 minutes). */
    public RegistryBuilder discovery(TenantDiscovery discovery) {
        loader.discovery(discovery);
        return this;
    }

    /**
     * @throws ConfigException when no section was added, or a setting is invalid as it would be in a file
     *                         (errors confined to one section are raised when that section is used)
     */
    public Registry build() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        Map<String, String> droverSection = new LinkedHashMap<>(drover);
        if (!sections.isEmpty()) {
            droverSection.put("databases", String.join(", ", sections.keySet()));
        }
        all.put(RegistryLoader.DROVER, droverSection);
        all.putAll(sections);
        return loader.load(IniFile.of(file, all), overrides);
    }
}
