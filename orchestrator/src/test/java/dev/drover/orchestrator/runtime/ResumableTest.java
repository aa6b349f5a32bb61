package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.store.HistoryRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumableTest {

    private final FakeScripts scripts = new FakeScripts()
            .add("r1", List.of(), List.of("CREATE TABLE a (x int)"), List.of("DROP TABLE a"), false)
            .add("r2", List.of("r1"), List.of("CREATE TABLE b (x int)", "ALTER TABLE b ADD y int"), List.of(), false);

    private static HistoryRow timedOut(String revision, String checksum, int committed) {
        return new HistoryRow(revision, "upgrade", checksum, HistoryRow.TIMED_OUT, committed, "run-0", "2026-01-01");
    }

    @Test
    void aPlanBeginningWithTheTimedOutRevisionResumesAfterItsCommittedStatements() {
        List<HistoryRow> history = List.of(timedOut("r2", "v1:sha256:r2", 1));

        assertThat(Resumable.of(scripts, history, List.of(scripts.up("r2")))).isEqualTo(Map.of("r2/upgrade", 1));
        assertThat(Resumable.unfinished(scripts, history, List.of(scripts.up("r2")))).isEmpty();
    }

    @Test
    void anyOtherPlanFindsTheTargetHalfWay() {
        List<HistoryRow> history = List.of(timedOut("r2", "v1:sha256:r2", 1));

        assertThat(Resumable.unfinished(scripts, history, List.of(scripts.down("r1")))).hasSize(1);
        assertThat(Resumable.unfinished(scripts, history, List.of())).hasSize(1);
        assertThat(Resumable.of(scripts, history, List.of(scripts.down("r1")))).isEmpty();
    }

    @Test
    void anEditedScriptIsResumedOnlyWhenNothingOfItHadCommitted() {
        scripts.edit("r2", List.of("CREATE TABLE b (x int)", "ALTER TABLE b ADD z int"));

        assertThat(Resumable.unfinished(scripts, List.of(timedOut("r2", "v1:sha256:r2", 1)),
                List.of(scripts.up("r2")))).hasSize(1);
        assertThat(Resumable.of(scripts, List.of(timedOut("r2", "v1:sha256:r2", 0)), List.of(scripts.up("r2"))))
                .isEqualTo(Map.of("r2/upgrade", 0));
    }

    @Test
    void aStartedRowIsAlwaysHalfWay() {
        HistoryRow started = new HistoryRow("r2", "upgrade", "v1:sha256:r2", HistoryRow.STARTED, 1, "run-0", "x");

        assertThat(Resumable.unfinished(scripts, List.of(started), List.of(scripts.up("r2")))).containsExactly(started);
    }
}
