package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.testing.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The read calls the command line's {@code current}, {@code status}, {@code check [--deep] [--drift]},
 * {@code targets}, {@code lint} and {@code drift} are made of, against one database. Subclassed per dialect.
 */
abstract class DroverReadsContract extends ApiDatabaseContract {

    static final String R1 = "c1c1c1c1c1c1";
    static final String R2 = "d2d2d2d2d2d2";

    Path versions() throws IOException {
        Path versions = Files.createDirectories(dir.resolve("versions"));
        Files.writeString(versions.resolve(R1 + "_accounts.sql"), "-- revision: " + R1 + "\n-- down_revision:\n"
                + "-- message: accounts\n\n-- drover:upgrade\nCREATE TABLE accounts (id INT PRIMARY KEY, note VARCHAR(60));\n"
                + "\n-- drover:downgrade\nDROP TABLE accounts;\n");
        Files.writeString(versions.resolve(R2 + "_index.sql"), "-- revision: " + R2 + "\n-- down_revision: " + R1
                + "\n-- message: index\n\n-- drover:upgrade\nCREATE INDEX accounts_note ON accounts (note);\n"
                + "\n-- drover:downgrade\nDROP INDEX accounts_note" + (kind() == DatabaseKind.POSTGRES ? "" : " ON accounts")
                + ";\n");
        return versions;
    }

    Drover drover(Section section, List<String> warnings) {
        return Drover.configure().section(section).listener(new FleetListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }).load();
    }

    Section app(Path versions, Supplier<List<String>> tenants) {
        return Section.named("app").url(db().url()).tenants(tenants).createSchema(true).versionLocations(versions);
    }

    @Test
    void currentAndStatusReadEachTargetsHeadsAndCountThemByRevision() throws Exception {
        List<String> tenants = List.of(tenant("r1"), tenant("r2"), tenant("r3"));
        try (Drover drover = drover(app(versions(), () -> tenants), new ArrayList<>())) {
            drover.upgrade("head", Selection.all().tenants(tenants.get(0), tenants.get(1)), Rollout.defaults());
            drover.upgrade(R1, Selection.all().tenants(tenants.get(2)), Rollout.defaults());

            StatusReport current = drover.current(Selection.all());

            assertThat(current.targets()).extracting(TargetState::target)
                    .containsExactly("app/" + tenants.get(0), "app/" + tenants.get(1), "app/" + tenants.get(2));
            assertThat(current.targets().get(2).heads()).containsExactly(R1);
            assertThat(current.targets().get(2).atHead()).isFalse();
            assertThat(current.targets().get(2).pending()).isEqualTo(1);
            assertThat(current.byRevision()).containsExactly(Map.entry(R1, 1), Map.entry(R2, 2));
            assertThat(current.allReadable()).isTrue();
            assertThat(current.checkPassed()).isFalse();
            assertThat(drover.status(Selection.all().tenants(tenants.get(0))).byRevision())
                    .containsExactly(Map.entry(R2, 1));
        }
    }

    @Test
    void aDeepCheckReadsEveryTargetsOwnTablesAndPassesOnlyAtHead() throws Exception {
        List<String> tenants = List.of(tenant("d1"), tenant("d2"));
        try (Drover drover = drover(app(versions(), () -> tenants), new ArrayList<>())) {
            drover.upgrade(R1);
            CheckReport behind = drover.check(Selection.all(), Check.standard().deep(true));
            assertThat(behind.passed()).isFalse();
            assertThat(behind.status().unhealthy()).hasSize(2);
            assertThat(behind.ledgerDisagreements()).isEmpty();
            assertThat(behind.drift()).isNull();

            drover.upgrade("head");
            CheckReport deep = drover.check(Selection.all(), Check.standard().deep(true));
            CheckReport standard = drover.check(Selection.all(), Check.standard());

            assertThat(deep.passed()).isTrue();
            assertThat(deep.status()).isEqualTo(standard.status());
            assertThat(deep.ledgerDisagreements()).isEmpty();
        }
    }

    @Test
    void aCheckComparingSchemasFailsOnATenantAlteredByHandAndTheDriftSaysExactlyWhat() throws Exception {
        List<String> tenants = List.of(tenant("s1"), tenant("s2"), tenant("s3"));
        try (Drover drover = drover(app(versions(), () -> tenants), new ArrayList<>())) {
            drover.upgrade("head");
            assertThat(drover.check(Selection.all(), Check.standard().drift(true)).passed()).isTrue();
            String schema = kind() == DatabaseKind.MARIADB ? "`" + tenants.get(2) + "`" : "\"" + tenants.get(2) + "\"";
            db().execute("CREATE INDEX ix_by_hand ON " + schema + ".accounts (id, note)");

            CheckReport check = drover.check(Selection.all(), Check.standard().drift(true));

            assertThat(check.status().checkPassed()).isTrue();
            assertThat(check.drifted()).isTrue();
            assertThat(check.passed()).isFalse();
            DriftReport drift = check.drift();
            assertThat(drift.groups()).singleElement().satisfies(g -> {
                assertThat(g.revision()).isEqualTo(R2);
                assertThat(g.targets()).isEqualTo(3);
                assertThat(g.variants()).isEqualTo(2);
                assertThat(g.comparedWith()).startsWith("majority (2 of 3");
            });
            assertThat(drift.targetCount()).isEqualTo(3);
            assertThat(drift.drifted()).singleElement().satisfies(d -> {
                assertThat(d.target()).isEqualTo("app/" + tenants.get(2));
                assertThat(d.revision()).isEqualTo(R2);
                assertThat(d.changes()).singleElement().satisfies(c -> {
                    assertThat(c.change()).isEqualTo("extra");
                    assertThat(c.kind()).isEqualTo("index");
                    assertThat(c.name()).isEqualToIgnoringCase("ix_by_hand");
                    assertThat(c.expected()).isNull();
                    assertThat(c.actual()).isNotNull();
                    assertThat(c.message()).isEqualTo(d.differences().get(0));
                });
                assertThat(String.join("\n", d.repairSql())).containsIgnoringCase("DROP INDEX");
            });
            assertThat(drover.drift(Selection.all(), tenants.get(0)).drifted()).singleElement()
                    .satisfies(d -> assertThat(d.comparedWith()).contains(tenants.get(0)));
        }
    }

    @Test
    void lintScriptsReadsOnlyTheScriptsAndNeverListsTenants() throws Exception {
        Supplier<List<String>> unreachable = () -> {
            throw new AssertionError("lintScripts listed the tenants");
        };
        try (Drover drover = drover(app(versions(), unreachable), new ArrayList<>())) {
            List<LintFinding> findings = drover.lintScripts(Selection.all());

            if (kind() == DatabaseKind.POSTGRES) {
                assertThat(findings).filteredOn(f -> f.rule().equals("create-index-not-concurrently"))
                        .singleElement().satisfies(f -> {
                            assertThat(f.revision()).isEqualTo(R2);
                            assertThat(f.direction()).isEqualTo("upgrade");
                            assertThat(f.dialect()).isEqualTo("postgresql");
                            assertThat(f.silenced()).isNull();
                            assertThat(f.file()).endsWith(R2 + "_index.sql");
                        });
            } else {
                assertThat(findings).extracting(LintFinding::rule).doesNotContain("create-index-not-concurrently");
            }
            assertThatThrownBy(() -> drover.lintScripts(Selection.all().sections("nothing*")))
                    .isInstanceOf(DroverException.class).hasMessageContaining("nothing*");
        }
    }

    @Test
    void theTargetListHasTheRejectedTenantsTwoPhaseWhereItExistsAndWhatFleetCommandsRefuse() throws Exception {
        String good = tenant("t1");
        String hostile = "x\"; DROP TABLE accounts; --";
        List<String> warnings = new ArrayList<>();
        Path versions = versions();
        try (Drover drover = drover(app(versions, () -> List.of(good, hostile)).set("two_phase", "true"), warnings)) {
            TargetList list = drover.targetList(Selection.all());

            assertThat(list.targets()).singleElement().satisfies(t -> {
                assertThat(t.target()).isEqualTo("app/" + good);
                assertThat(t.tenant()).isEqualTo(good);
                assertThat(t.versionTable()).isNotBlank();
                assertThat(t.dialect()).isEqualTo(switch (kind()) {
                    case POSTGRES -> "postgresql";
                    case MARIADB -> "mariadb";
                    default -> "h2";
                });
                assertThat(t.twoPhase()).isEqualTo(kind() == DatabaseKind.POSTGRES ? Boolean.TRUE : null);
            });
            assertThat(list.rejected()).singleElement().satisfies(r -> {
                assertThat(r.section()).isEqualTo("app");
                assertThat(r.tenant()).isEqualTo(hostile);
                assertThat(r.reason()).isNotBlank();
            });
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("rejected and left alone"));
            if (kind() == DatabaseKind.POSTGRES) {
                assertThat(list.refusals()).isEmpty();
            } else {
                assertThat(list.refusals()).singleElement().asString()
                        .contains("section 'app' sets two_phase = true").contains("set two_phase = false");
            }
            assertThat(drover.targetList(Selection.all().tenants("nobody")).targets()).isEmpty();
        }
    }
}
