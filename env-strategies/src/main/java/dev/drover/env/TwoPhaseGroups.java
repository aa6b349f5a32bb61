package dev.drover.env;

import dev.drover.orchestrator.fleet.Cancellation;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.OutcomeStatus;
import dev.drover.orchestrator.fleet.RolloutPolicy;
import dev.drover.orchestrator.fleet.TargetOutcome;
import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.lock.LockTimeoutException;
import dev.drover.orchestrator.twophase.GroupResult;
import dev.drover.orchestrator.twophase.Participant;
import dev.drover.orchestrator.twophase.ParticipantResult;
import dev.drover.orchestrator.twophase.TwoPhaseCoordinator;
import dev.drover.orchestrator.runtime.StepError;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The two-phase groups of a fleet (docs/design.md, Concurrency): the targets of one tenant across the
 * {@code two_phase} sections move together; targets of sections without tenants form one group.
 * Groups run one after another, each through the {@link TwoPhaseCoordinator}, under the same
 * failure budget as the fan-out.
 */
final class TwoPhaseGroups {

    /** One group: its name (the tenant, or {@code default}) and its participants in rollout order. */
    record Group(String name, List<FleetTarget> members) {}

    private TwoPhaseGroups() {}

    static List<Group> of(List<FleetTarget> twoPhaseTargets) {
        Map<String, List<FleetTarget>> byTenant = new LinkedHashMap<>();
        for (FleetTarget target : twoPhaseTargets) {
            String name = target.tenant() == null ? "default" : target.tenant();
            byTenant.computeIfAbsent(name, n -> new ArrayList<>()).add(target);
        }
        List<Group> groups = new ArrayList<>();
        byTenant.forEach((name, members) -> groups.add(new Group(name, List.copyOf(members))));
        return groups;
    }

    /** Runs one group: a local {@link TwoPhaseCoordinator}, or an agent of a cluster. */
    @FunctionalInterface
    interface Runner {
        GroupResult run(Group group) throws SQLException;
    }

    /** A local run's groups: each through {@code coordinator}, with the plans of {@code planners}. */
    static Runner local(TwoPhaseCoordinator coordinator, String runId,
            Map<String, Function<List<String>, List<MigrationStep>>> planners) {
        return group -> coordinator.run(runId, group.name(), group.members().stream()
                .map(m -> new Participant(m.target(), m.scripts(), planners.get(m.key())))
                .toList());
    }

    /** The groups' outcomes and whether the failure budget stopped the rollout. */
    record Run(List<TargetOutcome> outcomes, boolean stopped, boolean cancelled) {}

    /**
     * Runs every group (upgrade or downgrade), skipping the rest once the failure budget is spent
     * or the run is cancelled.
     *
     * @param runner   runs one group
     * @param progress told when each group starts and ends
     */
    static Run run(List<Group> groups, Runner runner, RolloutPolicy policy, Cancellation cancellation,
            WholeRunProgress progress) {
        List<TargetOutcome> outcomes = new ArrayList<>();
        int failures = 0;
        boolean stopped = false;
        for (Group group : groups) {
            if (cancellation.isCancelled() || stopped) {
                OutcomeStatus status = cancellation.isCancelled() ? OutcomeStatus.CANCELLED : OutcomeStatus.SKIPPED;
                group.members().forEach(m -> outcomes.add(notStarted(m, status)));
                continue;
            }
            progress.groupStarted(group.members());
            List<TargetOutcome> groupOutcomes = runGroup(group, runner);
            progress.groupFinished(groupOutcomes);
            outcomes.addAll(groupOutcomes);
            failures += (int) groupOutcomes.stream()
                    .filter(o -> o.failed() || o.status() == OutcomeStatus.IN_DOUBT).count();
            stopped = !policy.continueOnError() && failures > policy.maxFailures();
        }
        return new Run(outcomes, stopped, cancellation.isCancelled());
    }

    private static List<TargetOutcome> runGroup(Group group, Runner runner) {
        try {
            GroupResult result = runner.run(group);
            List<TargetOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < group.members().size(); i++) {
                outcomes.add(outcome(group.members().get(i), result, result.participants().get(i)));
            }
            return outcomes;
        } catch (LockTimeoutException e) {
            return failAll(group, e.getMessage(), true);
        } catch (SQLException | UncheckedIOException e) {
            return failAll(group, "two-phase group '" + group.name() + "' rolled back: " + e.getMessage(), false);
        }
    }

    private static TargetOutcome outcome(FleetTarget target, GroupResult group, ParticipantResult result) {
        OutcomeStatus status = switch (result.status()) {
            case SUCCEEDED -> OutcomeStatus.SUCCEEDED;
            case UNCHANGED -> OutcomeStatus.UNCHANGED;
            case FAILED -> TargetOutcome.failureStatus(result.error());
            case SKIPPED -> OutcomeStatus.SKIPPED;
            case IN_DOUBT -> OutcomeStatus.IN_DOUBT;
        };
        Map<String, Object> twoPhase = new LinkedHashMap<>();
        twoPhase.put("group", group.group());
        twoPhase.put("gid", result.gid());
        twoPhase.put("decision", group.decision().label());
        return TargetOutcome.builder(target, status).from(result.from()).to(result.to())
                .durationMs(result.durationMs()).steps(result.steps()).error(result.error()).twoPhase(twoPhase).build();
    }

    private static List<TargetOutcome> failAll(Group group, String message, boolean lockTimeout) {
        return group.members().stream()
                .map(m -> TargetOutcome.builder(m, OutcomeStatus.FAILED).error(StepError.of(null, message))
                        .lockTimeout(lockTimeout).twoPhase(Map.<String, Object>of("group", group.name())).build())
                .toList();
    }

    private static TargetOutcome notStarted(FleetTarget target, OutcomeStatus status) {
        return TargetOutcome.notStarted(target, status);
    }
}
