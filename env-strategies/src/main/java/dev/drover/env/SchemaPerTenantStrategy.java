package dev.drover.env;

import dev.drover.registry.Dialect;
import dev.drover.registry.RegistryTarget;
import java.util.List;

/**
 * One schema per tenant (PostgreSQL, H2), or one database per tenant selected with {@code USE}
 * (MariaDB): each target selects its tenant on a shared connection; on PostgreSQL the section's
 * {@code search_path} (default {@code {tenant}}) is set too.
 */
public class SchemaPerTenantStrategy extends EnvironmentStrategy {

    @Override
    protected String tenantSchema(RegistryTarget target) {
        return target.schema() != null ? target.schema() : target.database();
    }

    @Override
    protected List<String> searchPath(RegistryTarget target) {
        return target.dialect() == Dialect.POSTGRESQL ? target.searchPathSchemas() : List.of();
    }
}
