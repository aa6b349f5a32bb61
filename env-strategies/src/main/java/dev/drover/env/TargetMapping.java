package dev.drover.env;

import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.registry.Dialect;
import dev.drover.registry.RegistryTarget;
import dev.drover.registry.Tenancy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a registry target into the engine's {@link MigrationTarget}: the environment strategy
 * for single databases, schema-per-tenant (PostgreSQL, H2), {@code USE}-per-tenant (MariaDB) and
 * database-per-tenant ({@code {tenant}} in the url), as Alembic's {@code env.py} templates do.
 */
public final class TargetMapping {

    private TargetMapping() {}

    /**
     * @param target      the registry target
     * @param x           {@code -x NAME=value} values; they override the section's {@code x.NAME} keys
     * @param lockWait    a {@code --lock-wait} override, or {@code null} for the section's {@code lock_wait}
     */
    public static MigrationTarget toMigrationTarget(RegistryTarget target, Map<String, String> x, Duration lockWait) {
        String tenantSchema = tenantSchema(target);
        List<String> searchPath = target.dialect() == Dialect.POSTGRESQL && target.tenant() != null
                ? target.searchPathSchemas() : List.of();
        return new MigrationTarget(target.key(), target.url(), blankToNull(target.user()),
                target.password().isEmpty() ? null : target.password().reveal(), null, tenantSchema, searchPath,
                target.versionTable(), target.versionTableSchema(), target.historyTable(),
                placeholders(target, tenantSchema, x), target.transactionPerMigration(), target.createSchema(),
                lockWait != null ? lockWait : target.lockWait());
    }

    private static String tenantSchema(RegistryTarget target) {
        if (target.tenancy() == Tenancy.SCHEMA_PER_TENANT) {
            return target.schema();
        }
        if (target.tenancy() == Tenancy.USE_DATABASE_PER_TENANT) {
            return target.database();
        }
        return null;
    }

    /** {@code ${tenant}}, {@code ${schema}}, {@code ${database}} (the section) and {@code ${x.NAME}}. */
    private static Map<String, String> placeholders(RegistryTarget target, String tenantSchema, Map<String, String> x) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("database", target.sectionName());
        if (target.tenant() != null) {
            values.put("tenant", target.tenant());
        }
        String schema = tenantSchema != null ? tenantSchema : target.schema();
        if (schema != null) {
            values.put("schema", schema);
        }
        target.placeholders().forEach((name, value) -> values.put("x." + name, value));
        x.forEach((name, value) -> values.put("x." + name, value));
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
