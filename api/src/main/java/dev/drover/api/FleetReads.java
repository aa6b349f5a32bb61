package dev.drover.api;

import dev.drover.env.Fleet;
import dev.drover.env.Lineage;
import dev.drover.env.ScriptLint;
import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.drift.SchemaDifference;
import dev.drover.orchestrator.fleet.FleetInspector;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.fleet.TargetView;
import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.lint.Finding;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.script.ScriptFileException;
import dev.drover.orchestrator.script.ScriptParseException;
import dev.drover.registry.Dialect;
import dev.drover.registry.RegistryException;
import dev.drover.registry.ResolvedTargets;
import java.util.List;
import java.util.Map;

/**
 * The read side of a {@link Drover}: targets, status, the deploy gate, drift and lint, which change nothing.
 * The semantics are documented on {@link Drover}'s methods.
 */
final class FleetReads {

    private final FleetCalls calls;

    FleetReads(FleetCalls calls) {
        this.calls = calls;
    }

    List<LintFinding> lint(String destination, Selection selection) {
        return calls.onFleet(selection, Rollout.defaults(), null, true, call -> call.fleet()
                .lint(FleetOperation.upgrade(destination)).stream().map(FleetReads::finding).toList());
    }

    static LintFinding finding(Finding f) {
        return new LintFinding(f.file(), f.line(), f.revision(), f.direction(), f.dialect(), f.rule(), f.why(),
                f.rewrite(), f.silenced());
    }

    List<TargetInfo> targets(Selection selection) {
        try {
            return calls.resolve(selection, null).targets().stream().map(FleetCalls::info).toList();
        } catch (RegistryException e) {
            throw new DroverException(e.getMessage(), e);
        }
    }

    StatusReport status(Selection selection) {
        return calls.onFleet(selection, Rollout.defaults(), null, true, call -> status(call.fleet().status()));
    }

    DriftReport drift(Selection selection, String reference) {
        return calls.withFleet(selection, Rollout.defaults(), null, fleet -> drift(fleet, reference));
    }

    static StatusReport status(FleetStatus status) {
        return new StatusReport(status.targets().stream().map(FleetReads::state).toList());
    }

    private static TargetState state(TargetView v) {
        return new TargetState(v.key(), v.target().section(), v.target().tenant(), v.heads(), v.pending(), v.changed(),
                v.unfinished(), v.error(), v.atHead(), v.healthy());
    }

    CheckReport check(Selection selection, Check check) {
        java.util.Objects.requireNonNull(check, "check");
        return calls.onFleet(selection, Rollout.defaults(), null, true, call -> {
            Fleet fleet = call.fleet();
            StatusReport status;
            List<String> disagreements = List.of();
            if (check.isDeep()) {
                FleetInspector.DeepStatus deep = fleet.deepStatus();
                status = status(deep.status());
                disagreements = deep.ledgerDisagreements();
            } else {
                status = status(fleet.status());
            }
            return new CheckReport(status, disagreements, check.comparesSchemas() ? drift(fleet, null) : null);
        });
    }

    List<LintFinding> lintScripts(Selection selection) {
        try {
            List<LintFinding> findings = new java.util.ArrayList<>();
            for (Lineage lineage : Lineage.of(calls.registry().select(selection.sectionGlobs()))) {
                ScriptSource scripts = ScriptSource.of(lineage.scriptDirectory());
                java.util.Set<dev.drover.orchestrator.dialect.Dialect> dialects = new java.util.LinkedHashSet<>();
                for (String section : lineage.sectionNames()) {
                    dialects.add(Dialects.named(calls.registry().section(section).dialect().id()));
                }
                dialects.forEach(dialect -> ScriptLint.all(scripts, dialect).forEach(f -> findings.add(
                        new LintFinding(f.file(), f.line(), f.revision(), f.direction(), f.dialect(), f.rule(),
                                f.why(), f.rewrite(), f.silenced()))));
            }
            return List.copyOf(findings);
        } catch (RegistryException | RevisionException | ScriptParseException | ScriptFileException e) {
            throw new DroverException(e.getMessage(), e);
        }
    }

    TargetList targetList(Selection selection) {
        try {
            ResolvedTargets resolved = calls.resolve(selection, null);
            Map<String, String> refusals = new java.util.LinkedHashMap<>();
            resolved.targets().stream().filter(t -> t.twoPhase() && t.dialect() != Dialect.POSTGRESQL)
                    .forEach(t -> refusals.putIfAbsent(t.sectionName(), t.section().where() + ": section '"
                            + t.sectionName() + "' sets two_phase = true on " + t.dialectName() + ", which fleet"
                            + " commands refuse: two-phase commit needs PostgreSQL; set two_phase = false"));
            return new TargetList(
                    resolved.targets().stream().map(t -> new TargetInfo(t.key(), t.sectionName(), t.tenant(),
                            t.schema(), t.database(), t.maskedUrl(), t.dialectName(), t.versionTable(),
                            t.versionTableSchema(), t.dialect() == Dialect.POSTGRESQL ? t.twoPhase() : null)).toList(),
                    resolved.rejected().stream().map(r -> new TargetList.Rejected(r.section(), r.name(), r.reason()))
                            .toList(),
                    resolved.warnings().stream().map(Object::toString).toList(),
                    List.copyOf(refusals.values()));
        } catch (RegistryException e) {
            throw new DroverException(e.getMessage(), e);
        }
    }

    /** The fleet's drift as the public value; a reference naming no single readable target is refused. */
    private static DriftReport drift(Fleet fleet, String reference) {
        dev.drover.orchestrator.drift.DriftReport found;
        try {
            found = fleet.drift(reference);
        } catch (IllegalArgumentException e) {
            throw new DroverException(e.getMessage(), e);
        }
        Map<String, List<String>> repairs = fleet.repairSql(found);
        return new DriftReport(
                found.groups().stream().map(g -> new DriftReport.Group(g.server(), g.revision(), g.targets(),
                        g.comparedWith(), g.expected().hash(), g.variants().size())).toList(),
                found.drifted().stream().map(d -> new DriftReport.DriftedTarget(d.key(), d.target().server(),
                        d.target().revision(), d.comparedWith(), d.target().fingerprint().hash(),
                        d.differences().stream().map(SchemaDifference::message).toList(), differences(d.differences()),
                        repairs.getOrDefault(d.key(), List.of()))).toList(),
                found.servers().stream().map(s -> new DriftReport.ServerDrift(s.server(), s.revision(), s.source(),
                        differences(s.differences()))).toList(),
                found.unreadable().stream().map(t -> new DriftReport.Unreadable(t.key(), t.error())).toList());
    }

    private static List<DriftReport.Difference> differences(List<SchemaDifference> differences) {
        return differences.stream().map(d -> new DriftReport.Difference(
                d.change().name().toLowerCase(java.util.Locale.ROOT), d.object().kind().word(),
                d.object().table().isEmpty() ? null : d.object().table(), d.object().name(),
                d.expected() == null ? null : d.expected().definition(),
                d.actual() == null ? null : d.actual().definition(), d.message())).toList();
    }
}
