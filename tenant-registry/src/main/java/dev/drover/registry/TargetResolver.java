package dev.drover.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands sections into targets (tenants listed, read or discovered, then validated), refuses two
 * targets sharing one version table, then narrows by {@code --tenant} and {@code --shard}.
 */
final class TargetResolver {

    private static final String TENANT = "{tenant}";

    private final TenantLister lister;
    private final String file;

    TargetResolver(TenantLister lister, String file) {
        this.lister = lister;
        this.file = file;
    }

    ResolvedTargets resolve(List<DatabaseSection> sections, Selection selection, List<ConfigWarning> warnings) {
        List<RegistryTarget> all = new ArrayList<>();
        List<RejectedTenant> rejected = new ArrayList<>();
        for (DatabaseSection section : sections) {
            if (section.tenancy() == Tenancy.SINGLE) {
                all.add(target(section, null));
                continue;
            }
            TenantNames.Outcome outcome = TenantNames.validate(section.name(), lister.list(section, selection.offline()));
            rejected.addAll(outcome.rejected());
            for (String tenant : outcome.accepted()) {
                all.add(target(section, tenant));
            }
        }
        refuseSharedVersionTables(all);
        List<ConfigWarning> allWarnings = new ArrayList<>(warnings);
        List<RegistryTarget> selected = byTenant(all, selection.tenantGlobs(), allWarnings);
        if (selection.shard() != null) {
            selected = selected.stream().filter(t -> selection.shard().contains(t.key())).toList();
        }
        return new ResolvedTargets(selected, rejected, allWarnings);
    }

    static RegistryTarget target(DatabaseSection section, String tenant) {
        String key = tenant == null ? section.name() : section.name() + "/" + tenant;
        String url = tenant == null ? section.url() : section.url().replace(TENANT, tenant);
        ServerAddress address = ServerAddress.of(url, section.dialect());
        String schema = section.tenancy() == Tenancy.SCHEMA_PER_TENANT ? tenant : null;
        String database = section.tenancy() == Tenancy.USE_DATABASE_PER_TENANT ? tenant : address.database();
        String searchPath = section.searchPath() == null || tenant == null
                ? section.searchPath() : section.searchPath().replace(TENANT, tenant);
        return new RegistryTarget(key, section, tenant, schema, database, url, address.server(), searchPath);
    }

    private void refuseSharedVersionTables(List<RegistryTarget> targets) {
        Map<String, RegistryTarget> seen = new HashMap<>();
        for (RegistryTarget target : targets) {
            RegistryTarget first = seen.putIfAbsent(target.physicalIdentity(), target);
            if (first != null) {
                String schema = target.versionTableSchema() != null ? target.versionTableSchema() : target.schema();
                throw new ConfigException(file + ": targets '" + first.key() + "' and '" + target.key()
                        + "' resolve to the same version table '" + target.versionTable() + "' (server "
                        + target.server() + ", database '" + target.database() + "'"
                        + (schema == null ? "" : ", schema '" + schema + "'")
                        + "); point them at different databases or schemas, or give one a different 'version_table'");
            }
        }
    }

    private static List<RegistryTarget> byTenant(List<RegistryTarget> targets, List<String> tenantGlobs,
                                                 List<ConfigWarning> warnings) {
        if (tenantGlobs.isEmpty()) {
            return targets;
        }
        List<Glob> globs = tenantGlobs.stream().map(Glob::new).toList();
        for (Glob glob : globs) {
            if (targets.stream().noneMatch(t -> glob.matches(t.tenant()))) {
                warnings.add(new ConfigWarning("selection", "--tenant '" + glob.text()
                        + "' matches no tenant of the selected sections; check the name with 'drover targets'"));
            }
        }
        return targets.stream().filter(t -> globs.stream().anyMatch(g -> g.matches(t.tenant()))).toList();
    }
}
