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

    @Test
    void nothingLeftIsZero() {
        EtaEstimator eta = new EtaEstimator(3);
        eta.started(0);
        eta.finished(10 * MS);
        assertThat(eta.etaMs(0, 10 * MS)).isZero();
    }
}
