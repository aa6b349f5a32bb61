package dev.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.runtime.StatementLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run's settings cross the wire intact, and carry no credential. */
class WireTest {

    @Test
    void aTaskCarriesTheRunsLimitsLockWaitAndGate() {
        Wire.Settings settings = new Wire.Settings(new StatementLimits(Duration.ofMillis(1500), 0, Duration.ofSeconds(30)),
                Duration.ofSeconds(7), "drover.c.coordinator.x.gate");
        Wire.Task task = new Wire.Task(1, 2, "run", "billing", "acme", "billing/acme", "upgrade", "heads", List.of(),
                false, Map.of("aaa001", "abc"), settings);
        String json = Wire.json(task);
        Wire.Task read = Wire.read(json, Wire.Task.class);
        assertThat(read).isEqualTo(task);
        assertThat(json).doesNotContain("jdbc:").doesNotContain("password");
        assertThat(Wire.read(Wire.json(new Wire.Task(1, 2, "run", "s", null, "s", "upgrade", "heads", List.of(), false,
                Map.of())), Wire.Task.class).settings()).isNull();
    }
}
