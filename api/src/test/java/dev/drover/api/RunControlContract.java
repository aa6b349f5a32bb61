package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.drover.env.Fleet;
import dev.drover.orchestrator.report.Placement;
import dev.drover.orchestrator.twophase.NodeRecovery;
import dev.drover.orchestrator.twophase.RecoveredTransaction;
import dev.drover.orchestrator.twophase.RecoveryAction;
import dev.drover.registry.Registry;
import dev.drover.testing.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the command line's {@code upgrade}, {@code downgrade}, {@code stamp} and {@code repair} take from the API:
 * runs by {@link Operation}, dry runs and streamed offline SQL of every operation, a {@link CancelToken} that also
 * reaches a run not started yet, lint findings (and a refusal) before a run, a tenants file for offline SQL, and
 * a {@link TargetHost}. Subclassed per dialect.
 */
abstract class RunControlContract extends ApiDatabaseContract {

    static final String R1 = "a1a1a1a1a1a1";
    static final String R2 = "b2b2b2b2b2b2";


    Path versions() throws IOException {
        Path versions = Files.createDirectories(dir.resolve("versions"));
        Files.writeString(versions.resolve(R1 + "_accounts.sql"), "-- revision: " + R1 + "\n-- down_revision:\n"
                + "-- message: accounts\n\n-- drover:upgrade\nCREATE TABLE accounts (id INT PRIMARY KEY);\n\n"
                + "-- drover:downgrade\nDROP TABLE accounts;\n");
        Files.writeString(versions.resolve(R2 + "_invoices.sql"), "-- revision: " + R2 + "\n-- down_revision: " + R1
                + "\n-- message: invoices\n\n-- drover:upgrade\nCREATE TABLE invoices (id INT PRIMARY KEY, tag VARCHAR(40));\n"
                + "INSERT INTO invoices VALUES (1, '${tag}');\n\n-- drover:downgrade\nDROP TABLE invoices;\n");
        return versions;
    }

    DroverBuilder configure(List<String> tenants, FleetListener listener) throws IOException {
        return Drover.configure()
                .section(Section.named("app").url(db().url()).tenants(tenants).createSchema(true).versionLocations(versions()))
                .listener(listener);
    }

    @Test
    void aCancelledTokenStopsARunThatHasNotStartedAndOneInFlight() throws Exception {
        List<String> tenants = List.of(tenant("k1"), tenant("k2"), tenant("k3"));
        CancelToken early = new CancelToken();
        early.cancel();
        CancelToken midway = new CancelToken();
        AtomicInteger finished = new AtomicInteger();
        FleetListener cancelAfterFirst = new FleetListener() {
            @Override
            public void targetFinished(TargetEvent event) {
                if (finished.incrementAndGet() == 1) {
                    midway.cancel();
                }
            }
        };
        try (Drover drover = configure(tenants, cancelAfterFirst).load()) {
            FleetReport none = drover.run(Operation.upgrade("head"), Selection.all(), Rollout.defaults().cancelledBy(early));
            assertThat(none.exitCode()).isEqualTo(130);
            assertThat(none.summary().cancelled()).isEqualTo(3);
            assertThat(schemaExists(tenants.get(0))).as("a cancelled run changes nothing").isFalse();

            FleetReport some = drover.run(Operation.upgrade("head"), Selection.all(),
                    Rollout.defaults().concurrency(1).cancelledBy(midway));
            assertThat(some.exitCode()).isEqualTo(130);
            assertThat(some.summary().succeeded()).isEqualTo(1);
            assertThat(some.summary().cancelled()).isEqualTo(2);
            assertThat(midway.isCancelled()).isTrue();
        }
    }

    @Test
    void theListenerHearsTheLintBeforeTheRunAndItsExceptionRefusesIt() throws Exception {
        String t = tenant("lint");
        List<List<LintFinding>> heard = new ArrayList<>();
        FleetListener veto = new FleetListener() {
            @Override
            public void lint(List<LintFinding> findings) {
                heard.add(findings);
                throw new IllegalStateException("vetoed");
            }
        };
        try (Drover drover = configure(List.of(t), veto).load()) {
            assertThatThrownBy(() -> drover.run(Operation.upgrade("head"), Selection.all(), Rollout.defaults()))
                    .isInstanceOf(IllegalStateException.class).hasMessage("vetoed");
            assertThat(heard).hasSize(1);
            assertThat(schemaExists(t)).as("refused before anything changed").isFalse();
            assertThatThrownBy(() -> drover.dryRun(Operation.upgrade("head"), Selection.all(), Rollout.defaults()))
                    .hasMessage("vetoed");
            assertThat(drover.run(Operation.stamp(List.of(R1), false), Selection.all(), Rollout.defaults())
                    .succeeded()).as("stamp runs no script: no lint").isTrue();
        }
    }

    @Test
    void dryRunsAndOfflineSqlCoverEveryOperationAndCarryTheTag() throws Exception {
        String a = tenant("a");
        String b = tenant("b");
        try (Drover drover = configure(List.of(a, b), FleetListener.NONE).load()) {
            Rollout tagged = Rollout.defaults().tag("rel-7");
            assertThat(drover.run(Operation.upgrade("head"), Selection.all(), tagged).succeeded()).isTrue();

            DryRunReport down = drover.dryRun(Operation.downgrade(R1), Selection.all(), Rollout.defaults());
            assertThat(down.plan().summary().skipped()).isEqualTo(2);
            assertThat(down.byTarget().get("app/" + a)).contains("DROP TABLE invoices");
            assertThat(down.targets()).extracting(TargetInfo::target).containsExactly("app/" + a, "app/" + b);
            assertThat(down.targets()).allSatisfy(t -> assertThat(t.url()).isNotBlank());
            DryRunReport stamp = drover.dryRun(Operation.stamp(List.of(R1), false), Selection.all(), Rollout.defaults());
            assertThat(stamp.plan().report().command()).isEqualTo("stamp");
            assertThat(drover.dryRun(Operation.repair(), Selection.all(), Rollout.defaults()).plan().summary()
                    .unchanged()).as("no script edited").isEqualTo(2);

            List<String> begun = new ArrayList<>();
            Map<String, String> sql = new LinkedHashMap<>();
            drover.offlineSql(Operation.upgrade(R1 + ":" + R2), Selection.all(), tagged, new SqlSink() {
                @Override
                public void begin(List<TargetInfo> targets) {
                    targets.forEach(t -> begun.add(t.target()));
                }

                @Override
                public void accept(TargetInfo target, String text) {
                    sql.put(target.target(), text);
                }
            });
            assertThat(begun).containsExactly("app/" + a, "app/" + b);
            assertThat(sql).containsOnlyKeys("app/" + a, "app/" + b);
            assertThat(sql.get("app/" + b)).contains("CREATE TABLE invoices").contains("'rel-7'").contains("rel-7:offline");
            assertThat(note(a)).as("the tag reached the script").isEqualTo("rel-7");
        }
    }

    @Test
    void aTenantsFileNamesTheTenantsOfAQuerySectionOfflineOnly() throws Exception {
        Path file = dir.resolve("tenants.txt");
        Files.writeString(file, "# offline\nt1\n\nt2  # second\n");
        try (Drover drover = Drover.configure()
                .section(Section.named("app").url(db().url()).set("tenants", "query: SELECT 'never'")
                        .versionLocations(versions()))
                .load()) {
            Map<String, String> sql = new LinkedHashMap<>();
            drover.offlineSql(Operation.upgrade("head"), Selection.all().tenantsFile(file), Rollout.defaults(),
                    (target, text) -> sql.put(target.target(), text));
            assertThat(sql).containsOnlyKeys("app/t1", "app/t2");
            assertThatThrownBy(() -> drover.offlineSql(Operation.upgrade("head"), Selection.all()
                    .tenantsFile(dir.resolve("missing.txt")), Rollout.defaults(), (target, text) -> { }))
                    .isInstanceOf(DroverException.class).hasMessageContaining("missing.txt").hasMessageContaining("does not exist");
            assertThatThrownBy(() -> drover.run(Operation.upgrade("head"), Selection.all().tenantsFile(file),
                    Rollout.defaults())).isInstanceOf(DroverException.class).hasMessageContaining("offlineSql only");
        }
    }

    @Test
    void aTargetHostIsOpenedAroundEachHostedCallAndPlacesTheTargets() throws Exception {
        String t = tenant("hosted");
        List<String> calls = new ArrayList<>();
        TargetHost host = engine -> {
            Fleet fleet = engine.unwrap(Fleet.class);
            calls.add("open " + fleet.targets().size());
            return new TargetHost.Session() {
                @Override
                public Placement placement() {
                    return new Placement(Map.of("app/" + t, "node-7"), List.of());
                }

                @Override
                public void close() {
                    calls.add("close");
                }
            };
        };
        try (Drover drover = configure(List.of(t), FleetListener.NONE).host(host).load()) {
            FleetReport report = drover.run(Operation.upgrade("head"), Selection.all(), Rollout.defaults());
            assertThat(report.succeeded()).isTrue();
            assertThat(report.targets()).singleElement().satisfies(r -> assertThat(r.node()).isEqualTo("node-7"));
            assertThat(calls).containsExactly("open 1", "close");

            drover.offlineSql("head", Selection.all());
            assertThat(calls).as("offline SQL opens no host").hasSize(2);
            drover.status(Selection.all());
            assertThat(calls).hasSize(4);
        }
        assertThatThrownBy(() -> new EngineHandle("x").unwrap(Fleet.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJoiningTargetHostListsQueryTenantsBeforeResolvingAndPlacesTheDryRun() throws Exception {
        String t = tenant("joined");
        List<String> calls = new ArrayList<>();
        TargetHost host = new TargetHost() {
            @Override
            public Session open(EngineHandle engine) {
                throw new AssertionError("the API opens the joined session, not this one");
            }

            @Override
            public Joined join(EngineHandle registry) {
                calls.add("join");
                return new Joined() {
                    @Override
                    public EngineHandle registry() {
                        return registry.replacedBy(registry.unwrap(Registry.class).withDiscovery(here -> (section, query) -> {
                            calls.add("discover " + query.sql());
                            return List.of(t);
                        }));
                    }

                    @Override
                    public Session open(EngineHandle engine) {
                        calls.add("open " + engine.unwrap(Fleet.class).targets().size());
                        return new Session() {
                            @Override
                            public Placement planned() {
                                return new Placement(Map.of("app/" + t, "node-3"), List.of());
                            }

                            @Override
                            public void close() {
                                calls.add("close");
                            }
                        };
                    }

                    @Override
                    public void close() {
                        calls.add("leave");
                    }
                };
            }
        };
        Section app = Section.named("app").url(db().url()).set("tenants", "query: SELECT 'nobody'").createSchema(true)
                .versionLocations(versions());
        try (Drover drover = Drover.configure().section(app).host(host).load()) {
            DryRunReport dry = drover.dryRun(Operation.upgrade("head"), Selection.all(), Rollout.defaults());
            assertThat(dry.plan().targets()).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("app/" + t);
                assertThat(r.node()).isEqualTo("node-3");
            });
            assertThat(calls).containsExactly("join", "discover SELECT 'nobody'", "open 1", "close", "leave");
        }
        assertThatThrownBy(() -> new EngineHandle("x").replacedBy(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("String");
    }

    @Test
    void recoveryGoesThroughTheTargetHostWhichNamesTheNodeOfEachTransaction() throws Exception {
        String t = tenant("recovered");
        List<String> calls = new ArrayList<>();
        TargetHost host = engine -> {
            Fleet fleet = engine.unwrap(Fleet.class);
            fleet.recoveringThrough((journal, targets, force) -> {
                calls.add("recover " + targets.size() + " force=" + force);
                return List.of(
                        new NodeRecovery("g1", "run-1", new RecoveredTransaction("drover_a", "app/" + t, "db",
                                RecoveryAction.COMMITTED, null), "east-2"),
                        new NodeRecovery("g1", "run-1", new RecoveredTransaction("drover_b", "app/other", "db",
                                RecoveryAction.UNREACHABLE, "no live agent of zone 'west'"), null));
            });
            return () -> calls.add("close");
        };
        try (Drover drover = configure(List.of(t), FleetListener.NONE).host(host).load()) {
            RecoveryReport report = drover.recover(Selection.all(), true);

            assertThat(calls).containsExactly("recover 1 force=true", "close");
            assertThat(report.transactions()).extracting(RecoveryReport.Transaction::gid, RecoveryReport.Transaction::node,
                    RecoveryReport.Transaction::resolved).containsExactly(tuple("drover_a", "east-2", true),
                    tuple("drover_b", null, false));
            assertThat(report.unresolved()).isTrue();
            assertThat(report.groups()).containsExactly(new RecoveryReport.Group("g1", "run-1", List.of("east-2"),
                    List.of(RecoveryAction.COMMITTED.label(), RecoveryAction.UNREACHABLE.label())));
        }
        try (Drover drover = configure(List.of(t), FleetListener.NONE).load()) {
            RecoveryReport local = drover.recover(Selection.all(), false);
            assertThat(local.transactions()).as("nothing in doubt in this process").isEmpty();
            assertThat(local.groups()).isEmpty();
        }
    }

    String note(String tenant) throws SQLException {
        String table = kind() == DatabaseKind.MARIADB ? "`" + tenant + "`.invoices" : "\"" + tenant + "\".invoices";
        try (Connection c = db().connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tag FROM " + table + " WHERE id = 1")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
