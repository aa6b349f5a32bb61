package dev.drover.api;

import dev.drover.orchestrator.fleet.FleetProgress;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.TargetOutcome;

/** The engine's listener calls as {@link TargetEvent}s, so no engine type reaches the application. */
final class ListenerAdapter implements dev.drover.orchestrator.fleet.FleetListener {

    private final FleetListener listener;

    ListenerAdapter(FleetListener listener) {
        this.listener = listener;
    }

    @Override
    public void started(FleetTarget target, FleetProgress progress) {
        listener.targetStarted(event(target, null, progress));
    }

    @Override
    public void finished(TargetOutcome outcome, FleetProgress progress) {
        listener.targetFinished(event(outcome.target(), outcome.status().label(), progress));
    }

    @Override
    public void throttleChanged(FleetProgress progress) {
        listener.throttleChanged(event(null, null, progress));
    }

    private static TargetEvent event(FleetTarget target, String status, FleetProgress p) {
        return new TargetEvent(target == null ? null : target.key(), target == null ? null : target.section(),
                target == null ? null : target.tenant(), status, p.total(), p.done(), p.failed(), p.running(),
                p.elapsedMs(), p.etaMs(), p.throttled());
    }
}
