package dev.drover.orchestrator.report;

import dev.drover.orchestrator.fleet.FleetResult;
import dev.drover.orchestrator.fleet.OutcomeStatus;
import dev.drover.orchestrator.fleet.TargetOutcome;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.StepResult;

/** Builds the {@link RunReport} of a fleet run. */
public final class RunReports {

    private RunReports() {}

    public static RunReport from(FleetResult result) {
        RunReport.Summary summary = new RunReport.Summary(result.outcomes().size(),
                result.count(OutcomeStatus.SUCCEEDED), result.count(OutcomeStatus.UNCHANGED),
                result.count(OutcomeStatus.FAILED), result.count(OutcomeStatus.LOCK_TIMEOUT),
                result.count(OutcomeStatus.THROTTLED), result.count(OutcomeStatus.SKIPPED),
                result.count(OutcomeStatus.CANCELLED), result.count(OutcomeStatus.IN_DOUBT));
        return new RunReport(RunReport.SCHEMA_VERSION, result.runId(), result.command(), result.destination(),
                RunOptions.tagOf(result.runId()), result.startedAt(), result.finishedAt(), result.durationMs(), summary,
                result.throttles().stream().map(t -> new RunReport.Throttle(t.server(), t.pauses(), t.pausedMs(),
                        t.reason(), t.gaveUp())).toList(),
                result.outcomes().stream().map(RunReports::target).toList());
    }

    private static RunReport.Target target(TargetOutcome outcome) {
        var fleetTarget = outcome.target();
        var target = fleetTarget.target();
        return new RunReport.Target(outcome.key(), fleetTarget.section(), fleetTarget.tenant(), target.tenantSchema(),
                target.databaseAddress(), fleetTarget.server(), outcome.status().label(), outcome.from(), outcome.to(), outcome.startMs(),
                outcome.durationMs(), outcome.wave(), outcome.throttleWaitMs(), outcome.steps().stream().map(RunReports::step).toList(), error(outcome.error()),
                outcome.twoPhase());
    }

    private static RunReport.Step step(StepResult step) {
        return new RunReport.Step(step.revision(), step.direction().label(), step.durationMs(), step.statements(),
                step.lockRetries());
    }

    private static RunReport.Error error(StepError error) {
        return error == null ? null
                : new RunReport.Error(error.revision(), error.statement(), error.line(), error.sqlState(),
                        error.kind() == null ? null : error.kind().label(), error.attempts(),
                        error.blockers().stream().map(b -> new RunReport.Blocker(b.pid(), b.application(), b.user(),
                                b.state(), b.queryStart(), b.transactionStart(), b.certain())).toList(),
                        error.message());
    }
}
