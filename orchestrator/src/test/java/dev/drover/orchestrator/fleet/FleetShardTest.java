package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetShardTest {

    @Test
    void shardsPartitionTheFleetKeepingOrderAndAreStableWhenTargetsChange() {
        List<FleetTarget> targets = Fleets.targets(100);
        List<FleetTarget> union = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            List<FleetTarget> shard = FleetShard.parse(i + "/4").select(targets);
            assertThat(shard).as("shard %d/4 is not empty and not everything", i).isNotEmpty().hasSizeLessThan(100);
            assertThat(shard).isSortedAccordingTo((a, b) -> targets.indexOf(a) - targets.indexOf(b));
            union.addAll(shard);
        }
        assertThat(union).hasSize(100).containsExactlyInAnyOrderElementsOf(targets);
        assertThat(FleetShard.parse("3/4").select(targets.subList(0, 50)))
                .isEqualTo(FleetShard.parse("3/4").select(targets).stream().filter(t -> targets.indexOf(t) < 50).toList());
    }

    @Test
    void rejectsMalformedShards() {
        assertThatThrownBy(() -> FleetShard.parse("0/4")).hasMessageContaining("1 <= I <= N");
        assertThatThrownBy(() -> FleetShard.parse("5/4")).hasMessageContaining("--shard 5/4");
        assertThatThrownBy(() -> FleetShard.parse("two")).hasMessageContaining("'two'").hasMessageEndingWith("--shard 1/4");
    }
}
