package dev.drover.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.fleet.FleetListener;
import dev.drover.orchestrator.fleet.FleetProgress;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.OutcomeStatus;
import dev.drover.orchestrator.fleet.TargetOutcome;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.script.ScriptDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeRunProgressTest {

    @TempDir
    Path versions;

    private final List<String> seen = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final FleetListener recording = new FleetListener() {
        @Override
        public void started(FleetTarget target, FleetProgress p) {
            seen.add("started " + target.key() + " " + text(p));
        }

        @Override
        public void finished(TargetOutcome outcome, FleetProgress p) {
            seen.add("finished " + outcome.key() + " " + text(p));
        }
    };

    @Test
    void twoPhaseGroupsThenTheFanOutCountAgainstEveryTargetOfTheRun() {
        WholeRunProgress progress = new WholeRunProgress(recording, 5, nanos::get);
        FleetTarget a = target("a");
        FleetTarget b = target("b");
        progress.groupStarted(List.of(a, b));
        nanos.addAndGet(2_000_000);
        progress.groupFinished(List.of(outcome(a, OutcomeStatus.SUCCEEDED), outcome(b, OutcomeStatus.IN_DOUBT)));
        progress.groupFinished(List.of(outcome(target("skipped"), OutcomeStatus.SKIPPED)));
        // the fan-out's own progress counts its targets only (2 of them here)
        progress.started(target("c"), new FleetProgress(2, 0, 0, 1, 0, -1));
        progress.finished(outcome(target("c"), OutcomeStatus.UNCHANGED), new FleetProgress(2, 1, 0, 0, 0, 700));
        progress.finished(outcome(target("d"), OutcomeStatus.FAILED), new FleetProgress(2, 2, 1, 0, 0, 0));

        assertThat(seen).containsExactly(
                "started a 0/5 failed 0 running 2 at 0ms eta -1",
                "started b 0/5 failed 0 running 2 at 0ms eta -1",
                "finished a 1/5 failed 0 running 0 at 2ms eta -1",
                "finished b 2/5 failed 1 running 0 at 2ms eta -1",
                "started c 2/5 failed 1 running 1 at 2ms eta -1",
                "finished c 3/5 failed 1 running 0 at 2ms eta 700",
                "finished d 4/5 failed 2 running 0 at 2ms eta 0");
    }

    @Test
    void throttledServersOfTheFanOutReachTheListener() {
        List<FleetProgress> changes = new ArrayList<>();
        WholeRunProgress progress = new WholeRunProgress(new FleetListener() {
            @Override
            public void throttleChanged(FleetProgress p) {
                changes.add(p);
            }
        }, 5, nanos::get);

        progress.throttleChanged(new FleetProgress(3, 1, 0, 1, 0, -1, List.of("db:5432 (throttle_query 50 > 10, 0:02)")));

        assertThat(changes).singleElement().satisfies(p -> {
            assertThat(p.total()).isEqualTo(5);
            assertThat(p.throttled()).containsExactly("db:5432 (throttle_query 50 > 10, 0:02)");
        });
    }

    @Test
    void aFailingDisplayDoesNotStopTheGroups() {
        WholeRunProgress progress = new WholeRunProgress(new FleetListener() {
            @Override
            public void finished(TargetOutcome outcome, FleetProgress p) {
                throw new IllegalStateException("terminal gone");
            }
        }, 1, nanos::get);
        progress.groupFinished(List.of(outcome(target("a"), OutcomeStatus.SUCCEEDED)));
    }

    private static String text(FleetProgress p) {
        return p.done() + "/" + p.total() + " failed " + p.failed() + " running " + p.running() + " at " + p.elapsedMs()
                + "ms eta " + p.etaMs();
    }

    private FleetTarget target(String key) {
        return new FleetTarget(MigrationTarget.of(key, "jdbc:h2:mem:" + key),
                ScriptSource.of(ScriptDirectory.load(List.of(versions))), "h2", key, null);
    }

    private static TargetOutcome outcome(FleetTarget target, OutcomeStatus status) {
        return new TargetOutcome(target, status, List.of(), List.of(), 0, List.of(), null, false, null);
    }
}
