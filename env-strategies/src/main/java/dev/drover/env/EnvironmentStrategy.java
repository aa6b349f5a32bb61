package dev.drover.env;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.StatementLimits;
import dev.drover.registry.LiveSettings;
import dev.drover.registry.RegistryTarget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drover's {@code env.py}: how the targets of one {@code drover.ini} section become the engine's
 * {@link MigrationTarget}s, and a chance to review each target's plan before it runs (online) or is
 * written (offline SQL). The built-in strategies follow Alembic's env.py templates and EllarSQL's
 * {@code SingleDatabaseAlembicEnvMigration} / {@code MultipleDatabaseAlembicEnvMigration}: one per
 * tenancy layout, chosen from the section's url and {@code tenants}.
 *
 * <p>To plug in your own, subclass this (or a built-in), give it a public no-argument constructor,
 * put it on the class path and name it in the section: {@code strategy = com.example.MyStrategy}.
 * Instances are shared by all targets of a section and called from several threads at once, so
 * keep them stateless.
 */
public abstract class EnvironmentStrategy {

    /**
     * Turns one registry target into the engine's target, the same for online runs and offline SQL.
     *
     * @param target   the registry target
     * @param x        {@code -x NAME=value} values; they override the section's {@code x.NAME} keys
     * @param lockWait a {@code --lock-wait} override, or {@code null} for the section's {@code lock_wait}
     */
    public MigrationTarget target(RegistryTarget target, Map<String, String> x, Duration lockWait) {
        String tenantSchema = tenantSchema(target);
        return MigrationTarget.builder(target.key(), target.url())
                .user(blankToNull(target.user()))
                .password(target.password().isEmpty() ? null : target.password().reveal())
                .dialect(Dialects.named(target.dialect().id()))
                .tenantSchema(tenantSchema)
                .searchPath(searchPath(target))
                .versionTable(target.versionTable())
                .versionTableSchema(target.versionTableSchema())
                .historyTable(target.historyTable())
                .placeholders(placeholders(target, tenantSchema, x))
                .transactionPerMigration(target.transactionPerMigration())
                .createSchema(target.createSchema())
                .lockWait(lockWait != null ? lockWait : target.lockWait())
                .ledgerSchema(target.fleetLedger())
                .limits(limits(target.live()))
                .build();
    }

    private static StatementLimits limits(LiveSettings live) {
        return new StatementLimits(live.lockTimeout(), live.lockRetries(), live.statementTimeout());
    }

    /**
     * Reviews the steps planned for one target (online: computed from its current heads under the
     * target lock; offline: from the range's start). Return them unchanged, return a rewritten list
     * (e.g. without some revisions), or throw {@link PlanVetoedException} to refuse the target,
     * which then fails with your message before anything runs. The default returns {@code planned}.
     */
    public List<MigrationStep> reviewPlan(MigrationTarget target, List<MigrationStep> planned) {
        return planned;
    }

    /** The schema (MariaDB: database) a target's tenant lives in, or {@code null} for none. */
    protected abstract String tenantSchema(RegistryTarget target);

    /** An explicit PostgreSQL search path, or empty to use {@link #tenantSchema} alone. */
    protected List<String> searchPath(RegistryTarget target) {
        return List.of();
    }

    /**
     * {@code ${tenant}}, {@code ${schema}}, {@code ${database}} (the section), {@code ${tag}} (empty until a run is
     * tagged, see {@code Fleet.withTag}) and {@code ${x.NAME}}.
     */
    protected Map<String, String> placeholders(RegistryTarget target, String tenantSchema, Map<String, String> x) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("database", target.sectionName());
        values.put("tag", "");
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
