package dev.drover.registry;

import java.util.List;

/** Finds a section's tenants at run time ({@code tenants = query: SQL}). */
public interface TenantDiscovery {

    /**
     * Runs the discovery query over the section's connection.
     *
     * @param section the section (its url, user, password, discovery url)
     * @param query the query; the first column of every row is a tenant name
     * @return the names in the order the query returned them, unvalidated ({@code NULL} as {@code ""})
     * @throws DiscoveryException if the query cannot run; the message is sanitised
     * @throws ConfigException if there is no URL to run the query on
     */
    List<String> discover(DatabaseSection section, TenantSource.FromQuery query);
}
