package dev.drover.orchestrator.report;

import dev.drover.orchestrator.fleet.FleetResult;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.OutcomeStatus;
import dev.drover.orchestrator.fleet.TargetOutcome;
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
}
