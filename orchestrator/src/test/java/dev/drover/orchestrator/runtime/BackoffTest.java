package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapWithHalfOfEachPauseRandom() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0, pause -> {});
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999999, pause -> {});

        assertThat(low.delay(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(high.delay(1)).isEqualTo(Duration.ofMillis(1000));
        assertThat(low.delay(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(high.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(low.delay(10)).isEqualTo(Duration.ofSeconds(15));
        assertThat(high.delay(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(high.delay(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anInterruptedPauseGivesUpAndKeepsTheInterrupt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), () -> 0.5, pause -> {
            throw new InterruptedException();
        });

        assertThat(backoff.pause(1)).isFalse();
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void refusesACapBelowTheBase() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0, p -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
