package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EtaEstimatorTest {

    private static final long MS = 1_000_000;
    private static final long S = 1_000 * MS;

    /** Feeds {@code count} completions {@code everyMs} apart after {@code from}; returns the last one's time. */
    private static long steady(EtaEstimator eta, long from, int count, long everyMs) {
        long now = from;
        for (int i = 0; i < count; i++) {
            now += everyMs * MS;
            eta.finished(now);
        }
        return now;
    }

    @Test
    void unknownUntilATargetFinishesWork() {
        EtaEstimator eta = new EtaEstimator();
        assertThat(eta.etaMs(10, 0)).isEqualTo(-1);
        eta.started(0);
        assertThat(eta.etaMs(10, 50 * MS)).isEqualTo(-1);
    }

    /** Reading the fleet before the first target starts is not work: the pace starts at the first start. */
    @Test
    void thePaceStartsWithTheFirstTargetNotWithTheRun() {
        EtaEstimator eta = new EtaEstimator();
        eta.started(5_000 * MS);
        eta.finished(5_100 * MS);
        eta.finished(5_200 * MS);

        // far shorter than the time constant: the whole run's pace, 100 ms a target
        assertThat(eta.etaMs(8, 5_200 * MS)).isBetween(790L, 810L);
    }

    /**
     * After an hour at one pace, the pace halves: a minute later the estimate has followed it. (The
     * pace of the recent half of the completions still weighed the first hour in: 33% low.)
     */
    @Test
    void aChangeOfPaceLateInALongRunShowsWithinAMinute() {
        EtaEstimator eta = new EtaEstimator();
        eta.started(0);
        long now = steady(eta, 0, 360_000, 10);
        now = steady(eta, now, 3_000, 20);

        assertThat(eta.etaMs(1_000, now)).as("1,000 targets at 20 ms each").isBetween(19_000L, 21_000L);
    }

    /** The same within a 70-s run like the bench's 10,000 targets: 30 s at 10 ms, then 20 s at 20 ms. */
    @Test
    void aChangeOfPaceInAShortRunShowsWithinTwoTimeConstants() {
        EtaEstimator eta = new EtaEstimator();
        eta.started(0);
        long now = steady(eta, 0, 3_000, 10);
        now = steady(eta, now, 1_000, 20);

        // main's recent half: 1,000 at 10 ms and 1,000 at 20 ms -> 15,000 ms (25% low)
        assertThat(eta.etaMs(1_000, now)).isBetween(17_000L, 23_000L);
    }

    /** A slow start (cold JVM, canary) fades out. */
    @Test
    void aSlowStartFadesOut() {
        EtaEstimator eta = new EtaEstimator();
        eta.started(0);
        eta.finished(5 * S);
        long now = steady(eta, 5 * S, 2_000, 10);

        assertThat(eta.etaMs(1_000, now)).as("10 ms a target; the whole run says 12.5").isBetween(9_500L, 11_000L);
    }

    /** A dip of two seconds in a steady minute moves the estimate by a few percent only. */
    @Test
    void aShortDipIsSmoothedOut() {
        EtaEstimator eta = new EtaEstimator();
        eta.started(0);
        long now = steady(eta, 0, 6_000, 10);
        now = steady(eta, now, 100, 20);

        assertThat(eta.etaMs(1_000, now)).isBetween(10_000L, 11_500L);
    }

    /**
     * Targets that take a minute each: the time constant stretches to several completions, so the silence
     * while the next one runs does not make the estimate explode (a fixed 10 s would say hours).
     */
    @Test
    void sparseCompletionsAreNotJudgedByTheSilenceBetweenThem() {
        EtaEstimator eta = new EtaEstimator();
        eta.started(0);
        eta.finished(60 * S);
        eta.finished(120 * S);
        eta.finished(180 * S);

        assertThat(eta.etaMs(7, 181 * S)).as("7 more at about a minute each").isBetween(370_000L, 450_000L);
        assertThat(eta.etaMs(7, 239 * S)).isBetween(400_000L, 600_000L);
    }

    @Test
    void nothingLeftIsZero() {
        EtaEstimator eta = new EtaEstimator();
        eta.started(0);
        eta.finished(10 * MS);
        assertThat(eta.etaMs(0, 10 * MS)).isZero();
    }

    @Test
    void aTimeConstantMustBePositive() {
        assertThatThrownBy(() -> new EtaEstimator(0, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
