package dev.drover.env;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.drift.DriftAnalysis;
import dev.drover.orchestrator.drift.DriftReport;
import dev.drover.orchestrator.drift.DriftTarget;
import dev.drover.orchestrator.drift.ExpectedFingerprint;
import dev.drover.orchestrator.drift.RepairSql;
import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.TargetSchema;
import dev.drover.orchestrator.fleet.TargetView;
import dev.drover.orchestrator.runtime.MigrationTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code drover drift} over a fleet: each target's revision (from the fleet's status read) and schema
 * (from its server's catalog, in batches) are put together and compared by {@link DriftAnalysis};
 * {@link #repair} writes the DDL that brings a drifted target back.
 */
final class FleetDrift {

    private FleetDrift() {}

    /**
     * @param targets  the fleet's targets, in rollout order
     * @param status   their revisions
     * @param schemas  their schemas, by key
     * @param expected recorded fingerprints, earliest first
     * @throws IllegalArgumentException when {@code reference} names no single readable target
     */
    static DriftReport analyse(List<FleetTarget> targets, FleetStatus status, Map<String, TargetSchema> schemas,
            String reference, List<ExpectedFingerprint> expected) {
        Map<String, TargetView> views = new LinkedHashMap<>();
        status.targets().forEach(v -> views.put(v.key(), v));
        List<DriftTarget> drift = new ArrayList<>();
        for (FleetTarget target : targets) {
            TargetView view = views.get(target.key());
            TargetSchema schema = schemas.get(target.key());
            String error = view == null ? "its revision was not read"
                    : view.error() != null ? view.error()
                    : schema == null ? "its schema was not read"
                    : schema.error();
            drift.add(new DriftTarget(target.key(), target.tenant(), target.server(), target.target().dialect().name(),
                    view == null ? List.of() : view.heads(), error == null ? schema.fingerprint() : null,
                    error == null ? null : error));
        }
        return DriftAnalysis.analyse(drift, reference, expected);
    }

    /**
     * The repair script of one drifted target: a header naming it, the statements selecting its
     * schema, then {@link RepairSql}'s statements and comments.
     */
    static List<String> repair(DriftReport.Drifted drifted, FleetTarget target) {
        MigrationTarget t = target.target();
        Dialect dialect = t.dialect();
        List<String> lines = new ArrayList<>();
        lines.add("-- target '" + drifted.key() + "' at " + drifted.target().revision() + ", compared with "
                + drifted.comparedWith());
        dialect.selectTenant(t.tenantSchema(), t.searchPath()).forEach(s -> lines.add(s + ";"));
        lines.addAll(new RepairSql(dialect::quote, dialect.mysqlSyntax()).statements(drifted.differences()));
        return lines;
    }
}
