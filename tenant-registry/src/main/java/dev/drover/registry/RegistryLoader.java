package dev.drover.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads {@code drover.ini} into a {@link Registry}. The {@code [drover]} section lists the
 * database sections ({@code databases}, rollout order) or holds a {@code url} itself (a
 * single-database file whose one section is named {@code drover}); without either, every other
 * section is a database. A database section reads each key from itself, then {@code [DEFAULT]},
 * then {@code [drover]}.
 */
public final class RegistryLoader {

    static final String DROVER = "drover";
    static final String DEFAULT = "DEFAULT";

    private Map<String, String> env = System.getenv();
    private TenantDiscovery discovery;

    /** @return this loader reading {@code ${env:VAR}} from {@code env} instead of the process environment */
    public RegistryLoader env(Map<String, String> env) {
        this.env = Map.copyOf(env);
        return this;
    }

    /** @return this loader discovering tenants with {@code discovery} (default: JDBC, cached 5 minutes) */
    public RegistryLoader discovery(TenantDiscovery discovery) {
        this.discovery = discovery;
        return this;
    }

    /**
     * @param file the INI file
     * @return the registry
     * @throws ConfigException if the file is missing (suggesting {@code drover init} or {@code -c}),
     *                         malformed, or its [drover] section is invalid; errors of a single
     *                         database section are raised when that section is used
     */
    public Registry load(Path file) {
        return load(IniFile.load(file), Map.of());
    }

    /**
     * Loads settings built in code: the same rules and validation as a file.
     *
     * @param overrides per section, a password or tenant supplier given as objects rather than text
     */
    Registry load(IniFile ini, Map<String, RegistryBuilder.Overrides> overrides) {
        Interpolator interpolator = new Interpolator(ini.directory().toString(), env);
        SettingLookup drover = new SettingLookup(ini, DROVER, List.of(DROVER), interpolator);
        List<ConfigWarning> warnings = new ArrayList<>();
        for (IniFile.Entry entry : ini.globalEntries()) {
            warnings.add(new ConfigWarning(ini.location(entry.line()), "key '" + entry.key()
                    + "' before the first section is ignored; move it to [drover] or [DEFAULT]"));
        }
        warnings.addAll(SectionParser.unknownKeys(ini, DROVER, true));
        warnings.addAll(SectionParser.unknownKeys(ini, DEFAULT, false));
        List<String> names = databaseNames(ini, drover);
        SectionParser parser = new SectionParser(ini.directory());
        Map<String, Object> sections = new LinkedHashMap<>();
        for (String name : names) {
            List<String> chain = name.equals(DROVER) ? List.of(DROVER, DEFAULT) : List.of(name, DEFAULT, DROVER);
            if (!name.equals(DROVER)) {
                warnings.addAll(SectionParser.unknownKeys(ini, name, false));
            }
            try {
                RegistryBuilder.Overrides given = overrides.getOrDefault(name, RegistryBuilder.Overrides.NONE);
                sections.put(name, parser.parse(new SettingLookup(ini, name, chain, interpolator),
                        ini.location(ini.sectionLine(name)), given.password(), given.tenants()));
            } catch (ConfigException e) {
                sections.put(name, e);
            }
        }
        for (String section : ini.sectionNames()) {
            if (!names.contains(section) && !section.equals(DROVER) && !section.equals(DEFAULT) && !isLogging(section)) {
                warnings.add(new ConfigWarning(ini.location(ini.sectionLine(section)), "section [" + section
                        + "] is not listed in 'databases' and is ignored; add it to 'databases' in [drover] to migrate it"));
            }
        }
        int concurrency = drover.integer("concurrency", 8, 1);
        TenantDiscovery effective = discovery != null ? discovery
                : new CachingTenantDiscovery(new JdbcTenantDiscovery(), Duration.ofMinutes(5));
        return new Registry(ini.file(), concurrency, sections, warnings, effective);
    }

    private static List<String> databaseNames(IniFile ini, SettingLookup drover) {
        Optional<SettingLookup.Value> databases = drover.get("databases");
        boolean singleUrl = ini.entry(DROVER, "url").isPresent();
        if (singleUrl && databases.isPresent()) {
            throw new ConfigException(databases.get().where() + ": [drover] has both 'url' and 'databases'; keep "
                    + "'url' for a single database, or move it into a database section listed in 'databases'");
        }
        List<String> names;
        if (singleUrl) {
            names = List.of(DROVER);
        } else if (databases.isPresent()) {
            names = listed(ini, databases.get());
        } else {
            names = ini.sectionNames().stream().filter(n -> !n.equals(DROVER) && !n.equals(DEFAULT) && !isLogging(n)).toList();
        }
        if (names.isEmpty()) {
            throw new ConfigException(ini.location(ini.sectionLine(DROVER)) + ": no database is configured; add "
                    + "'url = jdbc:...' to [drover], or database sections listed in 'databases'");
        }
        return names;
    }

    private static List<String> listed(IniFile ini, SettingLookup.Value databases) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : SettingLookup.split(databases.text())) {
            if (name.equals(DROVER) || name.equals(DEFAULT)) {
                throw new ConfigException(databases.where() + ": 'databases' lists [" + name + "], which is not a "
                        + "database section; list only database sections");
            }
            if (!ini.hasSection(name)) {
                throw new ConfigException(databases.where() + ": 'databases' names section '" + name
                        + "', which does not exist in " + ini.file().getFileName() + "; add a [" + name
                        + "] section or remove it from 'databases'");
            }
            if (!names.add(name)) {
                throw new ConfigException(databases.where() + ": 'databases' lists '" + name + "' twice; list it once");
            }
        }
        return List.copyOf(names);
    }

    /** Alembic-style logging sections may share the file; they are not databases. */
    private static boolean isLogging(String section) {
        return section.equals("loggers") || section.equals("handlers") || section.equals("formatters")
                || section.startsWith("logger_") || section.startsWith("handler_") || section.startsWith("formatter_")
                || section.equals("alembic");
    }
}
