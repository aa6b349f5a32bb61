package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values of the read calls: {@link Check}, {@link CheckReport}, {@link StatusReport#byRevision()}, {@link TargetInfo}. */
class ReadValuesTest {

    private static TargetState state(String key, List<String> heads, int pending, String error) {
        boolean atHead = error == null && pending == 0;
        return new TargetState(key, "app", key.substring(4), heads, pending, List.of(), List.of(), error, atHead, atHead);
    }

    @Test
    void aCheckIsImmutableAndSaysWhatItReads() {
        Check standard = Check.standard();
        Check deep = standard.deep(true);
        assertThat(standard.isDeep()).isFalse();
        assertThat(deep.isDeep()).isTrue();
        assertThat(deep.drift(true).comparesSchemas()).isTrue();
        assertThat(deep.comparesSchemas()).isFalse();
        assertThat(deep.drift(true)).isEqualTo(Check.standard().drift(true).deep(true));
        assertThat(deep).hasToString("Check[deep=true, drift=false]");
    }

    @Test
    void byRevisionCountsBaseAndHeadsAndLeavesOutTargetsThatCouldNotBeRead() {
        StatusReport status = new StatusReport(List.of(state("app/a", List.of("r2"), 0, null),
                state("app/b", List.of(), 2, null), state("app/c", List.of("r2"), 0, null),
                state("app/d", List.of(), -1, "connection refused"), state("app/e", List.of("m1", "m2"), -1, "no plan")));
        assertThat(status.byRevision()).containsExactly(Map.entry("base", 1), Map.entry("m1 m2", 1), Map.entry("r2", 2));
        assertThat(status.allReadable()).isFalse();
    }

    @Test
    void aCheckReportPassesOnlyWithoutUnhealthyTargetsLedgerDisagreementsOrDrift() {
        StatusReport healthy = new StatusReport(List.of(state("app/a", List.of("r2"), 0, null)));
        DriftReport clean = new DriftReport(List.of(), List.of(), List.of(), List.of());
        DriftReport drifted = new DriftReport(List.of(), List.of(new DriftReport.DriftedTarget("app/a", "h:5432", "r2",
                "majority (2 of 3 targets)", "f", List.of("index ix missing"), List.of(), List.of())), List.of(), List.of());
        DriftReport unreadable = new DriftReport(List.of(), List.of(), List.of(),
                List.of(new DriftReport.Unreadable("app/b", "timeout")));
        assertThat(new CheckReport(healthy, List.of(), null).passed()).isTrue();
        assertThat(new CheckReport(healthy, List.of(), clean).passed()).isTrue();
        assertThat(new CheckReport(healthy, List.of("app/a: ledger says r1"), null).passed()).isFalse();
        assertThat(new CheckReport(healthy, List.of(), drifted).passed()).isFalse();
        assertThat(new CheckReport(healthy, List.of(), unreadable).passed()).isTrue();
        assertThat(new CheckReport(new StatusReport(List.of(state("app/a", List.of(), 1, null))), List.of(), null)
                .passed()).isFalse();
    }

    @Test
    void theVersionTableIsQualifiedOnlyWhenItHasItsOwnSchema() {
        TargetInfo plain = new TargetInfo("app/a", "app", "a", "a", "db", "jdbc:h2:mem:x", "h2", "drover_version");
        assertThat(plain.qualifiedVersionTable()).isEqualTo("drover_version");
        assertThat(plain.twoPhase()).isNull();
        assertThat(new TargetInfo("app/a", "app", "a", "a", "db", "u", "postgresql", "v", "ops", false)
                .qualifiedVersionTable()).isEqualTo("ops.v");
    }
}
