package dev.drover.api;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.registry.ConfigException;
import dev.drover.registry.JdbcTenantDiscovery;
import dev.drover.registry.RegistryTarget;
import dev.drover.registry.Tenancy;
import java.util.List;

/**
 * Where a tenant lives, as onboarding finds, creates and drops it: a schema (MariaDB: a database) inside
 * the section's database, reached through the target's own connection, or a database of its own
 * ({@code {tenant}} in the url), reached through the section's maintenance connection: {@code discovery_url},
 * else the url without its database (PostgreSQL: {@code postgres}; MariaDB: no database), because a
 * database that does not exist yet cannot be connected to.
 *
 * @param kind        {@code schema} or {@code database}, for messages
 * @param name        the schema or database name
 * @param admin       the target whose connection runs the statements below and holds the onboarding lock
 * @param existsQuery a query answering one row when it exists
 * @param create      the statement creating it
 * @param drop        the statement dropping it with everything in it
 */
record TenantHome(String kind, String name, MigrationTarget admin, String existsQuery, String create, String drop) {

    /**
     * The home of {@code target}, or {@code null} when the tenant is not a container Drover can create: a
     * single-target section, or an H2 database per tenant (H2 creates a database when it is first opened,
     * and no SQL statement drops one).
     *
     * @throws DroverException for a database per tenant whose maintenance connection cannot be derived
     */
    static TenantHome of(RegistryTarget target, MigrationTarget migration) {
        Dialect dialect = migration.dialect();
        if (target.tenancy() == Tenancy.SCHEMA_PER_TENANT || target.tenancy() == Tenancy.USE_DATABASE_PER_TENANT) {
            String schema = target.tenant();
            return new TenantHome(target.tenancy() == Tenancy.SCHEMA_PER_TENANT ? "schema" : "database", schema, migration,
                    dialect.schemaExists(schema), dialect.createSchema(schema), dialect.dropSchema(schema));
        }
        if (target.tenancy() != Tenancy.DATABASE_PER_TENANT || target.database() == null || target.database().isBlank()
                || target.dialect() == dev.drover.registry.Dialect.H2) {
            return null;
        }
        String database = target.database();
        MigrationTarget admin = migration.toBuilder().jdbcUrl(maintenanceUrl(target)).tenantSchema(null)
                .searchPath(List.of()).build();
        if (target.dialect() == dev.drover.registry.Dialect.POSTGRESQL) {
            // WITH (FORCE) (PostgreSQL 13+): the run's own pooled sessions may still be connected to it.
            return new TenantHome("database", database, admin,
                    "SELECT 1 FROM pg_catalog.pg_database WHERE datname = " + dialect.literal(database),
                    "CREATE DATABASE " + dialect.quote(database),
                    "DROP DATABASE IF EXISTS " + dialect.quote(database) + " WITH (FORCE)");
        }
        return new TenantHome("database", database, admin, dialect.schemaExists(database),
                dialect.createSchema(database), dialect.dropSchema(database));
    }

    private static String maintenanceUrl(RegistryTarget target) {
        try {
            return JdbcTenantDiscovery.discoveryUrl(target.section());
        } catch (ConfigException e) {
            throw new DroverException("cannot create the database of tenant '" + target.tenant() + "' of section ["
                    + target.sectionName() + "]: no connection to run CREATE DATABASE on; set 'discovery_url' to a"
                    + " database of the same server", e);
        }
    }

    /** {@code schema 'x'} or {@code database 'x'}. */
    String describe() {
        return kind + " '" + name + "'";
    }
}
