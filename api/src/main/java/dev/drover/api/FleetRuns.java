package dev.drover.api;

import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.Cancellation;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetResult;
import dev.drover.orchestrator.report.RunReports;
import dev.drover.orchestrator.twophase.NodeRecovery;
import dev.drover.orchestrator.twophase.RecoveredTransaction;
import dev.drover.registry.OfflineTenants;
import dev.drover.registry.TenantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run side of a {@link Drover}: {@link Drover#run runs} (and their cancellation), dry runs, offline SQL and
 * recovery of in-doubt two-phase transactions. The semantics are documented on {@link Drover}'s methods.
 */
final class FleetRuns {

    private final FleetCalls calls;
    private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();

    FleetRuns(FleetCalls calls) {
        this.calls = calls;
    }

    FleetReport run(Operation operation, Selection selection, Rollout rollout) {
        Cancellation cancellation = new Cancellation();
        running.add(cancellation);
        CancelToken token = rollout.cancelTokenOrNull();
        Runnable forget = token == null ? () -> { } : token.onCancel(cancellation::cancel);
        try {
            return calls.onFleet(selection, rollout, null, true, call -> {
                lintFirst(call.fleet(), operation);
                FleetResult result = call.fleet().run(operation.engine(), rollout.policy(call.fleet(),
                        calls.registry().concurrency()), new ListenerAdapter(calls.listener()), cancellation);
                call.fleet().recordingProblems().forEach(calls.listener()::warning);
                return new FleetReport(RunReports.from(result, call.placement()), result.exitCode());
            });
        } finally {
            forget.run();
            running.remove(cancellation);
        }
    }

    /** Stops every run in flight from starting more targets. */
    void cancel() {
        running.forEach(Cancellation::cancel);
    }

    DryRunReport dryRun(Operation operation, Selection selection, Rollout rollout) {
        return calls.onFleet(selection, rollout, null, true, call -> {
            lintFirst(call.fleet(), operation);
            Fleet.DryRun dry = call.fleet().dryRun(operation.engine());
            return new DryRunReport(new FleetReport(RunReports.from(dry.plan(), call.planned()), dry.plan().exitCode()),
                    dry.sql(), call.targets());
        });
    }

    /** Tells the listener the lint findings of what an upgrade or downgrade would execute. */
    private void lintFirst(Fleet fleet, Operation operation) {
        FleetOperation engine = operation.engine();
        if (engine instanceof FleetOperation.Upgrade || engine instanceof FleetOperation.Downgrade) {
            calls.listener().lint(fleet.lint(engine).stream().map(FleetReads::finding).toList());
        }
    }

    void offlineSql(Operation operation, Selection selection, Rollout rollout, SqlSink sink) {
        java.util.Objects.requireNonNull(sink, "sink");
        calls.onFleet(selection, rollout, offlineTenants(selection), false, call -> {
            Map<String, TargetInfo> byKey = new java.util.HashMap<>();
            call.targets().forEach(t -> byKey.put(t.target(), t));
            sink.begin(call.targets());
            call.fleet().sql(operation.engine(), null, (key, text) -> sink.accept(byKey.get(key), text));
            return null;
        });
    }

    /** The tenants of {@code query:} sections offline: the tenants file, else plain tenant names, else none. */
    private static OfflineTenants offlineTenants(Selection selection) {
        if (selection.tenantsFileOrNull() != null) {
            return new OfflineTenants(new TenantSource.FromFile(selection.tenantsFileOrNull(), "tenantsFile(...)"));
        }
        List<String> names = selection.tenantGlobs();
        boolean plain = !names.isEmpty() && names.stream().noneMatch(n -> n.contains("*") || n.contains("?"));
        return new OfflineTenants(plain ? new TenantSource.Listed(names, "tenants(...)") : null);
    }

    RecoveryReport recover(Selection selection, boolean force) {
        return calls.onFleet(selection, Rollout.defaults(), null, true, call -> new RecoveryReport(
                call.fleet().recover(force).stream().map(FleetRuns::recovered).toList()));
    }

    private static RecoveryReport.Transaction recovered(NodeRecovery r) {
        RecoveredTransaction t = r.transaction();
        return new RecoveryReport.Transaction(t.gid(), t.targetKey(), t.action().label(), t.detail(),
                t.action().resolved(), r.group(), r.runId(), r.node());
    }
}
