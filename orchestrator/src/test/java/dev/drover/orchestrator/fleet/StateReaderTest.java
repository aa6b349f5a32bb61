package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StateReaderTest {

    @Test
    void onceReadsOnTheFirstCallAndAnswersLaterCallsFromThatSnapshot() {
        AtomicInteger reads = new AtomicInteger();
        StateReader counting = targets -> {
            reads.incrementAndGet();
            return CompletableFuture.completedFuture(Map.of("db/a", TargetState.of(List.of("r1"), List.of())));
        };
        StateReader once = StateReader.once(counting);

        Map<String, TargetState> first = once.read(List.of()).toCompletableFuture().join();
        Map<String, TargetState> second = once.read(List.of()).toCompletableFuture().join();

        assertThat(reads).hasValue(1);
        assertThat(second).isSameAs(first).containsKey("db/a");
    }
}
