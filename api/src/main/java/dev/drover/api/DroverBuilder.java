package dev.drover.api;

import dev.drover.orchestrator.runtime.DataSources;
import dev.drover.registry.CachingTenantDiscovery;
import dev.drover.registry.ConfigException;
import dev.drover.registry.JdbcTenantDiscovery;
import dev.drover.registry.Registry;
import dev.drover.registry.RegistryBuilder;
import dev.drover.registry.RegistryLoader;
import dev.drover.registry.Secret;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link Drover}: the registry (a {@code drover.ini} file, or {@link Section}s built in code),
 * {@code -x} placeholders, a progress listener and where two-phase decisions are journaled. Not thread-safe;
 * {@link #load()} may be called more than once.
 */
public final class DroverBuilder {

    private Path file;
    private Path directory = Path.of("").toAbsolutePath();
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private Map<String, String> env = System.getenv();
    private FleetListener listener = FleetListener.NONE;
    private Path journal;
    private Integer concurrency;

    DroverBuilder() {}

    /** Reads the registry from {@code drover.ini} at {@code file} (exclusive with {@link #section}). */
    public DroverBuilder registry(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        return this;
    }

    /**
     * Adds a section built in code, in rollout order (exclusive with {@link #registry(Path)}). Relative paths
     * in it resolve against {@link #baseDirectory}.
     */
    public DroverBuilder section(Section section) {
        sections.add(Objects.requireNonNull(section, "section"));
        return this;
    }

    /** Where relative paths of code-built sections resolve (default: the working directory). */
    public DroverBuilder baseDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        return this;
    }

    /** The {@code [drover] concurrency} of a code-built registry (default 8). */
    public DroverBuilder concurrency(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + n);
        }
        this.concurrency = n;
        return this;
    }

    /** A value for {@code ${x.NAME}} in scripts, as {@code -x NAME=value} gives one. */
    public DroverBuilder placeholder(String name, String value) {
        placeholders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
        return this;
    }

    /** Reads {@code ${env:VAR}} in the registry from {@code variables} instead of the process environment. */
    public DroverBuilder environment(Map<String, String> variables) {
        this.env = Map.copyOf(variables);
        return this;
    }

    /** Progress of every run. */
    public DroverBuilder listener(FleetListener fleetListener) {
        this.listener = Objects.requireNonNull(fleetListener, "listener");
        return this;
    }

    /** Where two-phase commit decisions are journaled (default {@code ~/.drover/journal}). */
    public DroverBuilder journal(Path directory) {
        this.journal = Objects.requireNonNull(directory, "journal");
        return this;
    }

    /**
     * Loads the registry. Sections built with a data source borrow one connection here to learn its URL.
     *
     * @throws DroverException when the file is missing or invalid, no registry was given, both were given, or
     *                         a section is invalid (naming the section and key, and what to do)
     */
    public Drover load() {
        if (file == null && sections.isEmpty()) {
            throw new DroverException("no registry: call registry(Path.of(\"drover.ini\")) or add a section(...)", null);
        }
        if (file != null && !sections.isEmpty()) {
            throw new DroverException("both a registry file and sections built in code were given; use one of them",
                    null);
        }
        List<AutoCloseable> lent = new ArrayList<>();
        try {
            Registry registry = file != null ? new RegistryLoader().env(env).load(file) : build(lent);
            return new Drover(registry, Map.copyOf(placeholders), listener, journal, lent);
        } catch (ConfigException e) {
            Drover.closeAll(lent);
            throw new DroverException(e.getMessage(), e);
        } catch (RuntimeException e) {
            Drover.closeAll(lent);
            throw e;
        }
    }

    private Registry build(List<AutoCloseable> lent) {
        // query: tenants of a data-source section are listed through that data source (its URL alone may lack
        // the credentials the pool holds)
        RegistryBuilder builder = new RegistryBuilder(directory).env(env).discovery(new CachingTenantDiscovery(
                new JdbcTenantDiscovery(Duration.ofSeconds(30), DataSources::open), Duration.ofMinutes(5)));
        if (concurrency != null) {
            builder.drover("concurrency", concurrency.toString());
        }
        for (Section section : sections) {
            Map<String, String> settings = new LinkedHashMap<>(section.settings());
            if (section.dataSourceOrNull() != null) {
                if (settings.containsKey("url")) {
                    throw new DroverException("section '" + section.name() + "' has both a url and a data source;"
                            + " give one of them", null);
                }
                String url = urlOf(section);
                settings.put("url", url);
                try {
                    lent.add(DataSources.lend(url, section.dataSourceOrNull()));
                } catch (IllegalStateException e) {
                    throw new DroverException("section '" + section.name() + "': " + e.getMessage(), e);
                }
            }
            builder.section(section.name(), settings, section.password() == null ? null : Secret.of(section.password()),
                    section.tenantSupplier());
        }
        return builder.build();
    }

    private static String urlOf(Section section) {
        try (Connection connection = section.dataSourceOrNull().getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new DroverException("section '" + section.name() + "': cannot borrow a connection from its data"
                    + " source to learn its URL (SQLSTATE " + e.getSQLState() + "); check that the pool is started", e);
        }
    }
}
