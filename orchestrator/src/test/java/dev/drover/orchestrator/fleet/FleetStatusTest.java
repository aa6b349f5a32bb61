package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.store.HistoryRow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FleetStatusTest {

    private static HistoryRow done(String rev, String checksum) {
        return new HistoryRow(rev, "upgrade", checksum, HistoryRow.DONE, 1, "r", "2026-01-01 00:00:0" + rev.charAt(1));
    }

    @Test
    void checkPassesOnlyWhenEveryTargetIsAtHeadWithUnchangedScripts() {
        List<FleetTarget> targets = Fleets.targets(5);
        Map<String, TargetState> states = Map.of(
                "sec/t0", TargetState.of(List.of("a2"), List.of(done("a1", "v1:sha256:a1"), done("a2", "v1:sha256:a2"))),
                "sec/t1", TargetState.of(List.of("a1"), List.of(done("a1", "v1:sha256:a1"))),
                "sec/t2", TargetState.of(List.of("a2"), List.of(done("a1", "v1:sha256:changed"), done("a2", "v1:sha256:a2"))),
                "sec/t3", TargetState.of(List.of(), List.of()));
        FleetInspector inspector = new FleetInspector(t -> CompletableFuture.completedFuture(states));

        FleetStatus status = inspector.status(targets);

        assertThat(status.targets()).extracting(TargetView::pending).containsExactly(0, 1, 0, 2, -1);
        assertThat(status.targets().get(2).changed()).containsExactly("a1");
        assertThat(status.targets().get(4).error()).contains("'sec/t4'");
        assertThat(status.byRevision()).containsExactly(Map.entry("a1", 1), Map.entry("a2", 2), Map.entry("base", 1));
        assertThat(status.unhealthy()).extracting(TargetView::key).containsExactly("sec/t1", "sec/t2", "sec/t3", "sec/t4");
        assertThat(status.checkPassed()).isFalse();

        FleetStatus healthy = inspector.status(targets.subList(0, 1));
        assertThat(healthy.checkPassed()).isTrue();
    }
}
