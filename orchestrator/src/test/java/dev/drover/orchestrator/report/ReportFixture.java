package dev.drover.orchestrator.report;

import dev.drover.orchestrator.fleet.FleetResult;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.OutcomeStatus;
import dev.drover.orchestrator.fleet.TargetOutcome;
import dev.drover.orchestrator.fleet.ThrottleSummary;
import dev.drover.orchestrator.lock.Blocker;
import dev.drover.orchestrator.runtime.ErrorKind;
import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.runtime.FakeScripts;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.StepResult;
import java.time.Instant;
import java.util.List;

/** A small fleet result: one target of each interesting status. */
final class ReportFixture {

    private ReportFixture() {}

    static FleetTarget target(String tenant) {
        MigrationTarget t = MigrationTarget.of("billing/" + tenant,
                "jdbc:postgresql://127.0.0.1:5432/billing?user=admin&password=s3cret").withTenant(tenant);
        return FleetTarget.of(t, new FakeScripts(), "billing", tenant);
    }

    static FleetResult result() {
        TargetOutcome ok = new TargetOutcome(target("acme"), OutcomeStatus.SUCCEEDED, List.of("1a2b3c4d5e6f"),
                List.of("3c4d5e6f7a8b"), 40, List.of(new StepResult("3c4d5e6f7a8b", Direction.UPGRADE, 12, 3)), null,
                false, null);
        TargetOutcome failed = new TargetOutcome(target("globex"), OutcomeStatus.FAILED, List.of("1a2b3c4d5e6f"),
                List.of("1a2b3c4d5e6f"), 55, List.of(),
                new StepError("3c4d5e6f7a8b", 3, 17, "42P07", "relation \"invoices\" already exists"), false, null);
        TargetOutcome same = new TargetOutcome(target("initech"), OutcomeStatus.UNCHANGED, List.of("3c4d5e6f7a8b"),
                List.of("3c4d5e6f7a8b"), 0, List.of(), null, false, null);
        TargetOutcome skipped = new TargetOutcome(target("umbrella"), OutcomeStatus.SKIPPED, List.of(), List.of(), 0,
                List.of(), null, false, null);
        return new FleetResult("run-42", "upgrade", "head", Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-01T10:00:01.234Z"), 1234, List.of(ok, failed, same, skipped), true, false);
    }

    /** A live-fleet run: a target that retried, one that timed out on a lock, one throttled out. */
    static FleetResult live() {
        TargetOutcome retried = new TargetOutcome(target("acme"), OutcomeStatus.SUCCEEDED, List.of("a1"), List.of("a2"),
                4200, List.of(new StepResult("a2", Direction.UPGRADE, 4100, 1, 2)), null, false, null, 1500);
        TargetOutcome blocked = new TargetOutcome(target("globex"), OutcomeStatus.LOCK_TIMEOUT, List.of("a1"),
                List.of("a1"), 9000, List.of(), new StepError("a2", 1, 11, "55P03", "lock timeout: ...",
                        ErrorKind.LOCK_TIMEOUT, 4, List.of(new Blocker(4242, "psql", "app", "idle in transaction",
                                Instant.parse("2026-03-01T09:59:00Z"), Instant.parse("2026-03-01T09:58:00Z"), true))),
                false, null);
        TargetOutcome throttled = new TargetOutcome(target("initech"), OutcomeStatus.THROTTLED, List.of(), List.of(), 0,
                List.of(), new StepError(null, null, null, null, "server 'db:5432' stayed throttled ...",
                        ErrorKind.THROTTLED, null, List.of()), false, null);
        return new FleetResult("run-43", "upgrade", "head", Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-01T10:05:00Z"), 300000, List.of(retried, blocked, throttled), false, false,
                List.of(new ThrottleSummary("db:5432", 2, 301500, "throttle_query 12 > 10", true)));
    }
}
