package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SelectionAndRolloutTest {

    @Test
    void selectionsAreImmutableValuesThatAddGlobs() {
        Selection billing = Selection.all().sections("billing");
        Selection acme = billing.tenants("acme*").tenants("globex");

        assertThat(billing.tenantGlobs()).isEmpty();
        assertThat(acme.sectionGlobs()).containsExactly("billing");
        assertThat(acme.tenantGlobs()).containsExactly("acme*", "globex");
        assertThat(acme).isEqualTo(Selection.all().sections("billing").tenants("acme*", "globex"));
        assertThat(acme.shard(2, 4).toRegistry().shard().index()).isEqualTo(2);
        assertThatThrownBy(() -> acme.shard(5, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shard(1, 4)");
    }

    @Test
    void rolloutRefusesWhatTheCommandLineRefuses() {
        assertThatThrownBy(() -> Rollout.defaults().maxFailures(2).continueOnError())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> Rollout.defaults().concurrency(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rollout.defaults().tag("bad tag")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bad tag'");
        assertThat(Rollout.defaults().tag("r1")).isEqualTo(Rollout.defaults().tag("r1"))
                .isNotEqualTo(Rollout.defaults());
        assertThatThrownBy(() -> Rollout.defaults().lockTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        Rollout rollout = Rollout.defaults().concurrency(8).maxFailures(2);
        assertThat(rollout).isEqualTo(Rollout.defaults().concurrency(8).maxFailures(2)).isNotEqualTo(Rollout.defaults());
        assertThat(rollout.limits(dev.drover.orchestrator.runtime.StatementLimits.DEFAULT))
                .isEqualTo(dev.drover.orchestrator.runtime.StatementLimits.DEFAULT);
        assertThat(Rollout.defaults().lockRetries(7).limits(dev.drover.orchestrator.runtime.StatementLimits.DEFAULT)
                .lockRetries()).isEqualTo(7);
    }

    @Test
    void aTenantsFileIsPartOfTheSelectionValue() {
        java.nio.file.Path file = java.nio.file.Path.of("tenants.txt");
        Selection offline = Selection.all().tenants("acme").tenantsFile(file);

        assertThat(offline.tenantsFileOrNull()).isEqualTo(file);
        assertThat(offline.sections("billing").tenantsFileOrNull()).as("kept by later narrowing").isEqualTo(file);
        assertThat(offline).isEqualTo(Selection.all().tenants("acme").tenantsFile(file))
                .isNotEqualTo(Selection.all().tenants("acme"));
        assertThat(Selection.all().tenantsFileOrNull()).isNull();
    }

    @Test
    void operationsAreValuesNamingTheirCommand() {
        assertThat(Operation.upgrade("head")).isEqualTo(Operation.upgrade("head")).isNotEqualTo(Operation.upgrade("+1"));
        assertThat(Operation.downgrade("base").command()).isEqualTo("downgrade");
        assertThat(Operation.stamp(java.util.List.of("a", "b"), true).destination()).isEqualTo("a b");
        assertThat(Operation.repair()).isEqualTo(Operation.repair());
        assertThatThrownBy(() -> Operation.stamp(java.util.List.of(), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one revision");
    }

    @Test
    void aCancelTokenRunsEachCallbackOnceAndAtOnceWhenAlreadyCancelled() {
        CancelToken token = new CancelToken();
        java.util.List<String> calls = new java.util.ArrayList<>();
        Runnable forget = token.onCancel(() -> calls.add("first"));
        token.onCancel(() -> calls.add("second"));
        forget.run();

        token.cancel();
        token.cancel();
        token.onCancel(() -> calls.add("late"));

        assertThat(token.isCancelled()).isTrue();
        assertThat(calls).containsExactly("second", "late");
        Rollout cancellable = Rollout.defaults().cancelledBy(token);
        assertThat(cancellable).isEqualTo(Rollout.defaults().cancelledBy(token))
                .isNotEqualTo(Rollout.defaults().cancelledBy(new CancelToken()));
        assertThat(cancellable.concurrency(2).cancelTokenOrNull()).as("kept by later options").isSameAs(token);
    }
}
