package dev.drover.registry;

/** How a section's tenants map onto the database. */
public enum Tenancy {
    /** No {@code tenants}: the section is one target. */
    SINGLE,
    /** A schema per tenant (PostgreSQL, H2): the url has no {@code {tenant}}; schema = tenant. */
    SCHEMA_PER_TENANT,
    /** MariaDB without {@code {tenant}} in the url: a database per tenant selected with {@code USE}; database = tenant. */
    USE_DATABASE_PER_TENANT,
    /** {@code {tenant}} in the url: a database (or server) per tenant, one connection URL each. */
    DATABASE_PER_TENANT
}
