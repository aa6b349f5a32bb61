package dev.drover.orchestrator.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.drift.SchemaObject.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftAnalysisTest {

    private static final SchemaFingerprint BASE = SchemaFingerprint.of(List.of(
            new SchemaObject(Kind.TABLE, "", "orders", ""),
            new SchemaObject(Kind.COLUMN, "orders", "created", "timestamp"),
            new SchemaObject(Kind.INDEX, "orders", "ix_orders_created", "CREATE INDEX ix_orders_created ON orders (created)"),
            new SchemaObject(Kind.TABLE, "", "invoices", ""),
            new SchemaObject(Kind.COLUMN, "invoices", "total", "numeric(12,2)"),
            new SchemaObject(Kind.VIEW, "", "big_orders", "SELECT * FROM orders")));

    @Test
    void reportsExactlyTheOddOnesOutAgainstTheMajority() {
        List<DriftTarget> fleet = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fleet.add(target("t" + i, "s1", "r2", BASE));
        }
        fleet.set(3, target("t3", "s1", "r2", without(BASE, "ix_orders_created")));
        fleet.set(7, target("t7", "s1", "r2", replaced(BASE, new SchemaObject(Kind.COLUMN, "invoices", "total", "numeric(14,2)"))));

        DriftReport report = DriftAnalysis.analyse(fleet, null, List.of());

        assertThat(report.drifted()).extracting(DriftReport.Drifted::key).containsExactly("s1/t3", "s1/t7");
        assertThat(report.drifted().get(0).differences()).extracting(SchemaDifference::message)
                .containsExactly("index ix_orders_created missing");
        assertThat(report.drifted().get(1).differences()).extracting(SchemaDifference::message)
                .containsExactly("column invoices.total: numeric(14,2) != numeric(12,2)");
        assertThat(report.drifted().get(0).comparedWith()).isEqualTo("majority (8 of 10 targets)");
        assertThat(report.clean()).isFalse();
    }

    @Test
    void targetsAtDifferentRevisionsOrOnDifferentServersAreNeverCompared() {
        SchemaFingerprint older = without(BASE, "big_orders");
        List<DriftTarget> fleet = List.of(target("a", "s1", "r2", BASE), target("b", "s1", "r2", BASE),
                target("c", "s1", "r1", older), target("d", "s2", "r2", older));

        DriftReport report = DriftAnalysis.analyse(fleet, null, List.of());

        assertThat(report.clean()).isTrue();
        assertThat(report.groups()).extracting(DriftReport.Group::revision).containsExactly("r2", "r1", "r2");
    }

    @Test
    void aReferenceReplacesTheMajorityAtItsRevisionOnly() {
        SchemaFingerprint extra = with(BASE, new SchemaObject(Kind.TABLE, "", "tmp_fix", ""));
        List<DriftTarget> fleet = List.of(target("a", "s1", "r2", BASE), target("b", "s1", "r2", BASE),
                target("ref", "s1", "r2", extra), target("c", "s1", "r1", BASE), target("d", "s1", "r1", BASE));

        DriftReport report = DriftAnalysis.analyse(fleet, "ref", List.of());

        assertThat(report.drifted()).extracting(DriftReport.Drifted::key).containsExactly("s1/a", "s1/b");
        assertThat(report.drifted().get(0).differences()).extracting(SchemaDifference::message)
                .containsExactly("table tmp_fix missing");
        assertThat(report.drifted().get(0).comparedWith()).isEqualTo("reference 's1/ref'");
    }

    @Test
    void anUnknownOrAmbiguousReferenceIsRefusedWithWhatToDo() {
        List<DriftTarget> fleet = List.of(target("a", "s1", "r2", BASE), target("a", "s2", "r2", BASE));
        assertThatThrownBy(() -> DriftAnalysis.analyse(fleet, "zz", List.of()))
                .hasMessageContaining("'zz' is not among the selected targets").hasMessageContaining("drover targets");
        assertThatThrownBy(() -> DriftAnalysis.analyse(fleet, "a", List.of()))
                .hasMessageContaining("matches 2 targets").hasMessageContaining("'s1/a'");
    }

    @Test
    void aTieIsComparedWithTheFirstGroupAndSaysSo() {
        List<DriftTarget> fleet = List.of(target("a", "s1", "r2", BASE), target("b", "s1", "r2", without(BASE, "big_orders")));
        DriftReport report = DriftAnalysis.analyse(fleet, null, List.of());
        assertThat(report.drifted()).extracting(DriftReport.Drifted::key).containsExactly("s1/b");
        assertThat(report.drifted().get(0).comparedWith()).contains("no majority").contains("--reference");
    }

    @Test
    void aWholeServerThatDiffersFromTheRecordedFingerprintIsReported() {
        SchemaFingerprint hotfixed = with(BASE, new SchemaObject(Kind.INDEX, "orders", "ix_extra", "CREATE INDEX ix_extra ON orders (id)"));
        List<DriftTarget> fleet = List.of(target("a", "s2", "r2", hotfixed), target("b", "s2", "r2", hotfixed),
                target("c", "s1", "r2", BASE));
        List<ExpectedFingerprint> expected = List.of(new ExpectedFingerprint("r2", "postgresql", "s1/first", BASE),
                new ExpectedFingerprint("r2", "postgresql", "s2/later", hotfixed));

        DriftReport report = DriftAnalysis.analyse(fleet, null, expected);

        assertThat(report.drifted()).isEmpty();
        assertThat(report.servers()).singleElement().satisfies(s -> {
            assertThat(s.server()).isEqualTo("s2");
            assertThat(s.source()).isEqualTo("s1/first");
            assertThat(s.differences()).extracting(SchemaDifference::message).containsExactly("extra index ix_extra");
        });
        assertThat(DriftAnalysis.analyse(fleet, null, List.of(new ExpectedFingerprint("r2", "mariadb", "m/x", BASE)))
                .servers()).as("another dialect's schema is not an expectation").isEmpty();
    }

    @Test
    void anUnreadableTargetIsListedAndNeverCompared() {
        List<DriftTarget> fleet = List.of(target("a", "s1", "r2", BASE),
                new DriftTarget("s1/b", "b", "s1", "postgresql", List.of("r2"), null, "connection refused"));
        DriftReport report = DriftAnalysis.analyse(fleet, null, List.of());
        assertThat(report.drifted()).isEmpty();
        assertThat(report.unreadable()).extracting(DriftTarget::key).containsExactly("s1/b");
        assertThat(report.clean()).isFalse();
    }

    static DriftTarget target(String tenant, String server, String revision, SchemaFingerprint fingerprint) {
        return new DriftTarget(server + "/" + tenant, tenant, server, "postgresql", List.of(revision), fingerprint, null);
    }

    static SchemaFingerprint without(SchemaFingerprint fingerprint, String name) {
        return SchemaFingerprint.of(fingerprint.objects().stream().filter(o -> !o.name().equals(name)).toList());
    }

    static SchemaFingerprint with(SchemaFingerprint fingerprint, SchemaObject object) {
        List<SchemaObject> objects = new ArrayList<>(fingerprint.objects());
        objects.add(object);
        return SchemaFingerprint.of(objects);
    }

    static SchemaFingerprint replaced(SchemaFingerprint fingerprint, SchemaObject object) {
        List<SchemaObject> objects = new ArrayList<>(fingerprint.objects().stream()
                .filter(o -> !o.identity().equals(object.identity())).toList());
        objects.add(object);
        return SchemaFingerprint.of(objects);
    }
}
