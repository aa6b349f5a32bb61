package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EtaEstimatorTest {

    private static final long MS = 1_000_000;

    @Test
    void unknownUntilATargetFinishesWork() {
        EtaEstimator eta = new EtaEstimator(4);
        assertThat(eta.etaMs(10, 0)).isEqualTo(-1);
        eta.started(0);
        assertThat(eta.etaMs(10, 50 * MS)).isEqualTo(-1);
    }

    /** Reading the fleet before the first target starts is not work: the pace starts at the first start. */
    @Test
    void thePaceStartsWithTheFirstTargetNotWithTheRun() {
        EtaEstimator eta = new EtaEstimator(100);
        eta.started(5_000 * MS);
        eta.finished(5_100 * MS);
        eta.finished(5_200 * MS);

        assertThat(eta.etaMs(8, 5_200 * MS)).isEqualTo(800);
    }

    /** A slow start (cold JVM, canary) fades out once the window of recent completions is full. */
    @Test
    void aSlowStartFadesOutOfTheWindow() {
        EtaEstimator eta = new EtaEstimator(3);
        eta.started(0);
        eta.finished(1_000 * MS);
        eta.finished(1_010 * MS);
        eta.finished(1_020 * MS);

        assertThat(eta.etaMs(100, 1_020 * MS)).isEqualTo(1_000);
    }

    /** The pace is that of the more recent half of the completions: what came before no longer counts. */
    @Test
    void thePaceIsThatOfTheRecentHalfOfTheCompletions() {
        EtaEstimator eta = new EtaEstimator(2);
        eta.started(0);
        long now = 0;
        for (int i = 0; i < 100; i++) {
            now += 100 * MS;
            eta.finished(now);
        }
        for (int i = 0; i < 101; i++) {
            now += 10 * MS;
            eta.finished(now);
        }

        assertThat(eta.etaMs(1_000, now)).as("100 completions in the window, 10 ms apart").isEqualTo(10_000);
    }

    /** The window grows with the run, so a late dip as long as the early steady pace weighs a third at most. */
    @Test
    void aLateDipIsDilutedByTheWholeRecentHalf() {
        EtaEstimator eta = new EtaEstimator(2);
        eta.started(0);
        long now = 0;
        for (int i = 0; i < 3_000; i++) {
            now += 10 * MS;
            eta.finished(now);
        }
        for (int i = 0; i < 500; i++) {
            now += 20 * MS;
            eta.finished(now);
        }

        // window 1,750: 1,250 completions at 10 ms, 500 at 20 ms -> 12.86 ms each
        assertThat(eta.etaMs(1_000, now)).isBetween(12_800L, 12_900L);
    }

    @Test
    void nothingLeftIsZero() {
        EtaEstimator eta = new EtaEstimator(3);
        eta.started(0);
        eta.finished(10 * MS);
        assertThat(eta.etaMs(0, 10 * MS)).isZero();
    }
}
