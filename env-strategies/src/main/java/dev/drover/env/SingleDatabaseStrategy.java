package dev.drover.env;

import dev.drover.registry.RegistryTarget;

/**
 * A section without tenants, or a database per tenant ({@code {tenant}} in the url): the
 * connection's own database and schema are the target (Alembic's generic and multidb templates).
 */
public class SingleDatabaseStrategy extends EnvironmentStrategy {
    @Override
    protected String tenantSchema(RegistryTarget target) {
        return null;
    }
}
