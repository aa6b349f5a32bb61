package dev.drover.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/** Reads a section's raw tenant names from its {@link TenantSource}. */
final class TenantLister {

    private final TenantDiscovery discovery;

    TenantLister(TenantDiscovery discovery) {
        this.discovery = discovery;
    }

    /**
     * @param offline for offline SQL, the tenants of a {@code query:} section instead of its query (no
     *                connection), or {@code null} to run the query
     * @return the unvalidated names in source order; empty for {@link TenantSource.None}
     * @throws ConfigException for a missing or unreadable tenants file, or a {@code query:} section offline
     *                         without names
     */
    List<String> list(DatabaseSection section, OfflineTenants offline) {
        TenantSource source = section.tenants();
        if (source instanceof TenantSource.FromQuery query && offline != null) {
            if (offline.names() == null) {
                throw new ConfigException(query.where() + ": section [" + section.name() + "] discovers its tenants"
                        + " with 'query:', which needs a connection, and offline SQL (--sql) opens none; name the"
                        + " tenants with --tenant NAME (repeatable, without '*' or '?') or --tenants-file FILE");
            }
            return list(section, offline.names());
        }
        return list(section, source);
    }

    private List<String> list(DatabaseSection section, TenantSource source) {
        if (source instanceof TenantSource.Listed listed) {
            return listed.names();
        }
        if (source instanceof TenantSource.FromFile file) {
            return readFile(section, file);
        }
        if (source instanceof TenantSource.FromQuery query) {
            return discovery.discover(section, query);
        }
        if (source instanceof TenantSource.Supplied supplied) {
            List<String> names = supplied.names().get();
            if (names == null) {
                throw new ConfigException(supplied.where() + ": the tenant supplier of section [" + section.name()
                        + "] returned null; return an empty list when there are no tenants");
            }
            return List.copyOf(names);
        }
        return List.of();
    }

    private static List<String> readFile(DatabaseSection section, TenantSource.FromFile file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file.path(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.where() + ": the tenants file '" + file.path() + "' of section ["
                    + section.name() + "] does not exist; create it (one tenant per line) or fix the path");
        } catch (IOException e) {
            throw new ConfigException(file.where() + ": cannot read the tenants file '" + file.path() + "' of section ["
                    + section.name() + "] (" + e.getClass().getSimpleName() + "); check its permissions and encoding");
        }
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
