package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.drift.ExpectedFingerprint;
import dev.drover.orchestrator.drift.SchemaFingerprint;
import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.store.FingerprintStore;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected fingerprints of issue 16: after an upgrade, the schema each revision produced on the
 * first target that reached it in the run (rollout order) is read and kept in that target's schema
 * ({@link FingerprintStore}, once per revision); {@code drift} reads every such row of the fleet
 * and, for each revision and dialect, the earliest one counts. Recording reads one schema and
 * writes one row per revision reached, after the fan-out, never during it.
 */
public final class RecordedFingerprints implements FingerprintRecorder {

    private final MigrationRuntime runtime;
    private final Clock clock;

    public RecordedFingerprints(MigrationRuntime runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * A revision reached in a run and the first target that reached it (per dialect): where its schema is read
     * and recorded.
     */
    public record First(String revision, FleetTarget target) {}

    /**
     * Records the fingerprint of each revision (heads after the run) that succeeded targets reached, read
     * on the first of them per dialect. Blocks the calling thread; never throws.
     *
     * @return what could not be recorded, one message each (the run's outcome does not depend on it)
     */
    @Override
    public List<String> record(List<TargetOutcome> outcomes) {
        return recordFirsts(firsts(outcomes));
    }

    /**
     * The first target per revision reached and dialect, in rollout order: what {@link #record} records (a
     * cluster's coordinator computes them and has agents record them with their connections).
     */
    public static List<First> firsts(List<TargetOutcome> outcomes) {
        Map<String, First> firsts = new LinkedHashMap<>();
        for (TargetOutcome outcome : outcomes) {
            if (outcome.status() == OutcomeStatus.SUCCEEDED && !outcome.to().isEmpty() && !outcome.steps().isEmpty()) {
                MigrationTarget t = outcome.target().target();
                String revision = revision(outcome.to());
                firsts.putIfAbsent(revision + "\u0000" + t.dialect().name(), new First(revision, outcome.target()));
            }
        }
        return List.copyOf(firsts.values());
    }

    /**
     * Reads the schema of each first target and records it for its revision. Blocks the calling thread; never
     * throws.
     *
     * @return what could not be recorded, one message each
     */
    public List<String> recordFirsts(List<First> firsts) {
        List<String> problems = new ArrayList<>();
        if (firsts.isEmpty()) {
            return problems;
        }
        Map<String, TargetSchema> schemas = new SchemaReader(runtime).readAll(firsts.stream().map(First::target)
                .toList());
        for (First first : firsts) {
            MigrationTarget t = first.target().target();
            String revision = first.revision();
            TargetSchema schema = schemas.get(t.key());
            if (schema == null || schema.fingerprint() == null) {
                problems.add("the schema of target '" + t.key() + "' at " + revision + " was not recorded for 'drover drift': "
                        + (schema == null ? "not read" : schema.error()));
                continue;
            }
            try {
                MigrationRuntime.await(runtime.read(t, session -> new FingerprintStore(t.dialect(), t.tenantSchema())
                        .record(session, revision, t.key(), clock.instant(), schema.fingerprint().serialized())));
            } catch (SQLException | RuntimeException e) {
                problems.add("the schema of target '" + t.key() + "' at " + revision + " was not recorded for 'drover drift': "
                        + RuntimeStateReader.message(e));
            }
        }
        return problems;
    }

    /**
     * Every fingerprint recorded in the schemas of {@code holders} (targets whose {@link TargetSchema#recorded()}),
     * earliest first. A row or table that cannot be read is skipped: drift then compares without it.
     */
    public List<ExpectedFingerprint> read(List<FleetTarget> holders) {
        List<FingerprintStore.Row> rows = new ArrayList<>();
        for (FleetTarget holder : holders) {
            MigrationTarget t = holder.target();
            try {
                rows.addAll(MigrationRuntime.await(runtime.read(t,
                        session -> new FingerprintStore(t.dialect(), t.tenantSchema()).read(session))));
            } catch (SQLException | RuntimeException e) {
                // unreadable: compared without it
            }
        }
        rows.sort(Comparator.comparing(FingerprintStore.Row::recordedAt));
        List<ExpectedFingerprint> expected = new ArrayList<>();
        for (FingerprintStore.Row row : rows) {
            try {
                expected.add(new ExpectedFingerprint(row.revision(), row.dialect(), row.source(),
                        SchemaFingerprint.parse(row.objects())));
            } catch (IllegalArgumentException e) {
                // written by another version of Drover: compared without it
            }
        }
        return expected;
    }

    /** Heads as {@link dev.drover.orchestrator.drift.DriftTarget#revision()} shows them. */
    static String revision(List<String> heads) {
        return heads.isEmpty() ? "<base>" : String.join(", ", heads.stream().sorted().toList());
    }
}
