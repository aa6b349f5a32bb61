package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.testing.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The Java API against one database: fleet calls on a registry built in code, tenant onboarding all or
 * nothing, concurrent onboarding of one name, hostile names. Subclassed per dialect.
 */
abstract class DroverContract extends ApiDatabaseContract {

    static final String R1 = "a1a1a1a1a1a1";
    static final String R2 = "b2b2b2b2b2b2";


    Path versions(String secondUpgrade) throws IOException {
        return versions(dir, secondUpgrade);
    }

    /** Revision R1 (table accounts, one row noting its tenant and region) and R2 running {@code secondUpgrade}. */
    static Path versions(Path dir, String secondUpgrade) throws IOException {
        Path versions = Files.createDirectories(dir.resolve("versions"));
        Files.writeString(versions.resolve(R1 + "_accounts.sql"), "-- revision: " + R1 + "\n-- down_revision:\n"
                + "-- message: accounts\n\n-- drover:upgrade\nCREATE TABLE accounts (id INT PRIMARY KEY, note VARCHAR(60));\n"
                + "INSERT INTO accounts VALUES (1, '${tenant} ${x.region}');\n\n-- drover:downgrade\nDROP TABLE accounts;\n");
        Files.writeString(versions.resolve(R2 + "_second.sql"), "-- revision: " + R2 + "\n-- down_revision: " + R1
                + "\n-- message: second\n\n-- drover:upgrade\n" + secondUpgrade + "\n\n-- drover:downgrade\nDROP TABLE invoices;\n");
        return versions;
    }

    Drover drover(Path versions, List<String> tenants, RecordingListener listener) {
        return Drover.configure()
                .section(Section.named("app").url(db().url()).tenants(() -> tenants).createSchema(true)
                        .versionLocations(versions))
                .placeholder("region", "eu")
                .listener(listener)
                .load();
    }

    @Test
    void upgradesACodeBuiltFleetReportingProgressAndTypedResults() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        String a = tenant("a");
        String b = tenant("b");
        List<String> tenants = new ArrayList<>(List.of(a, b));
        RecordingListener listener = new RecordingListener();
        try (Drover drover = drover(versions, tenants, listener)) {
            assertThat(drover.targets(Selection.all())).extracting(TargetInfo::target).containsExactly("app/" + a, "app/" + b);
            assertThat(drover.targets(Selection.all())).allSatisfy(t -> assertThat(t.url()).doesNotContain("password=s"));
            DryRunReport dry = drover.dryRun("head", Selection.all().tenants(a));
            assertThat(dry.plan().summary().skipped()).isEqualTo(1);
            assertThat(dry.byTarget().get("app/" + a)).contains("CREATE TABLE accounts").contains(a + " eu");
            assertThat(schemaExists(a)).as("a dry run executes nothing").isFalse();

            FleetReport report = drover.upgrade("head", Selection.all(), Rollout.defaults().concurrency(2));

            assertThat(report.succeeded()).isTrue();
            assertThat(report.summary().succeeded()).isEqualTo(2);
            assertThat(report.targets()).extracting(t -> t.key()).containsExactly("app/" + a, "app/" + b);
            assertThat(report.toJson()).contains("\"command\" : \"upgrade\"").contains("app/" + a);
            assertThat(listener.started).containsExactlyInAnyOrder("app/" + a, "app/" + b);
            assertThat(listener.finished).containsExactlyInAnyOrder("app/" + a + " succeeded", "app/" + b + " succeeded");
            assertThat(note(a)).isEqualTo(a + " eu");

            StatusReport status = drover.status();
            assertThat(status.checkPassed()).isTrue();
            assertThat(drover.dryRun("head", Selection.all()).byTarget()).isEmpty();
            assertThat(drover.repair(Selection.all(), Rollout.defaults()).succeeded()).isTrue();
            assertThat(status.targets()).allSatisfy(t -> assertThat(t.heads()).containsExactly(R2));
            assertThat(drover.upgrade("head").summary().unchanged()).isEqualTo(2);

            FleetReport down = drover.downgrade(R1, Selection.all().tenants(a), Rollout.defaults());
            assertThat(down.targets()).singleElement().satisfies(t -> assertThat(t.to()).containsExactly(R1));
            assertThat(drover.check(Selection.all()).unhealthy()).extracting(TargetState::target).containsExactly("app/" + a);
        }
    }

    @Test
    void aSectionOverTheApplicationsDataSourceBorrowsItsConnections() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        String t = tenant("pooled");
        java.util.concurrent.atomic.AtomicInteger borrowed = new java.util.concurrent.atomic.AtomicInteger();
        javax.sql.DataSource pool = counting(dataSource(db().url()), borrowed);
        try (Drover drover = Drover.configure()
                .section(Section.named("app").dataSource(pool).tenants(List.of(t)).createSchema(true)
                        .versionLocations(versions))
                .placeholder("region", "eu").load()) {
            int afterLoad = borrowed.get();
            assertThat(drover.upgrade("head").succeeded()).isTrue();
            assertThat(borrowed.get()).as("the run's connections come from the pool").isGreaterThan(afterLoad);
            assertThat(note(t)).isEqualTo(t + " eu");
            assertThat(drover.targets(Selection.all()).get(0).url()).doesNotContain("password=");
        }
    }

    private javax.sql.DataSource dataSource(String url) throws SQLException {
        return switch (kind()) {
            case H2 -> {
                org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
                h2.setURL(url);
                yield h2;
            }
            case POSTGRES -> {
                org.postgresql.ds.PGSimpleDataSource postgres = new org.postgresql.ds.PGSimpleDataSource();
                postgres.setURL(url);
                yield postgres;
            }
            case MARIADB -> new org.mariadb.jdbc.MariaDbDataSource(url);
        };
    }

    /** {@code source}, counting the connections borrowed from it. */
    private static javax.sql.DataSource counting(javax.sql.DataSource source, java.util.concurrent.atomic.AtomicInteger count) {
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(DroverContract.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        count.incrementAndGet();
                    }
                    try {
                        return method.invoke(source, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void cancelStopsStartingTargetsAndTheRestAreReportedCancelled() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        List<String> tenants = List.of(tenant("c1"), tenant("c2"), tenant("c3"));
        Drover[] self = new Drover[1];
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        FleetListener cancelOnFirst = new FleetListener() {
            @Override
            public void targetFinished(TargetEvent event) {
                if (once.compareAndSet(false, true)) {
                    self[0].cancel();
                }
            }
        };
        try (Drover drover = Drover.configure()
                .section(Section.named("app").url(db().url()).tenants(tenants).createSchema(true).versionLocations(versions))
                .placeholder("region", "eu").listener(cancelOnFirst).load()) {
            self[0] = drover;
            FleetReport report = drover.upgrade("head", Selection.all(), Rollout.defaults().concurrency(1));

            assertThat(report.exitCode()).isEqualTo(130);
            assertThat(report.summary().succeeded()).isEqualTo(1);
            assertThat(report.summary().cancelled()).isEqualTo(2);
            assertThat(drover.upgrade("head").summary().succeeded()).as("a later run is not cancelled").isEqualTo(2);
        }
    }

    @Test
    void lintNamesTheRuleOfADangerousStatementARunWouldExecute() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);\nCREATE INDEX accounts_note ON accounts (note);");
        try (Drover drover = drover(versions, List.of(tenant("lint")), new RecordingListener())) {
            List<LintFinding> findings = drover.lint("head", Selection.all());
            if (kind() == DatabaseKind.POSTGRES) {
                assertThat(findings).extracting(LintFinding::rule).contains("create-index-not-concurrently");
                assertThat(findings).allSatisfy(f -> assertThat(f.revision()).isEqualTo(R2));
            } else {
                assertThat(findings).extracting(LintFinding::rule).doesNotContain("create-index-not-concurrently");
            }
        }
    }

    @Test
    void aHostileSuppliedTenantIsReportedAndNeverSentToTheDatabase() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        String good = tenant("good");
        String hostile = "x\"; DROP TABLE accounts; --";
        RecordingListener listener = new RecordingListener();
        try (Drover drover = drover(versions, List.of(good, hostile), listener)) {
            FleetReport report = drover.upgrade("head");
            assertThat(report.targets()).extracting(t -> t.key()).containsExactly("app/" + good);
            assertThat(listener.warnings).anySatisfy(w -> assertThat(w).contains("rejected and left alone"));
            assertThatThrownBy(() -> drover.onboard("app", hostile))
                    .isInstanceOf(DroverException.class).hasMessageContaining("is rejected");
        }
    }

    @Test
    void onboardingCreatesTheSchemaAndMigratesItToHead() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        String newco = tenant("newco");
        try (Drover drover = drover(versions, List.of(), new RecordingListener())) {
            Onboarding onboarding = drover.onboard("app", newco);

            assertThat(onboarding.succeeded()).isTrue();
            assertThat(onboarding.created()).isTrue();
            assertThat(onboarding.oneTransaction()).as("PostgreSQL creates the schema in the revisions' transaction")
                    .isEqualTo(kind() == DatabaseKind.POSTGRES);
            assertThat(onboarding.report().targets()).singleElement()
                    .satisfies(t -> assertThat(t.to()).containsExactly(R2));
            assertThat(note(newco)).isEqualTo(newco + " eu");

            Onboarding again = drover.onboard("app", newco);
            assertThat(again.created()).isFalse();
            assertThat(again.report().summary().unchanged()).isEqualTo(1);

            assertThat(drover.offboard("app", newco, false).dropped()).isFalse();
            assertThat(schemaExists(newco)).isTrue();
            Offboarding removed = drover.offboard("app", newco, true);
            assertThat(removed.existed()).isTrue();
            assertThat(removed.dropped()).isTrue();
            assertThat(schemaExists(newco)).isFalse();
        }
    }

    @Test
    void aFailureHalfWayLeavesNothingBehind() throws Exception {
        // The second revision creates a table, then fails: on MariaDB and H2 the table has committed.
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);");
        String broken = tenant("broken");
        try (Drover drover = drover(versions, List.of(), new RecordingListener())) {
            Onboarding onboarding = drover.onboard("app", broken);

            assertThat(onboarding.succeeded()).isFalse();
            assertThat(onboarding.created()).isTrue();
            assertThat(onboarding.rolledBack()).isTrue();
            assertThat(onboarding.oneTransaction()).isEqualTo(kind() == DatabaseKind.POSTGRES);
            assertThat(onboarding.leftBehind()).isNull();
            assertThat(onboarding.report().targets()).singleElement().satisfies(t -> {
                assertThat(t.status()).isEqualTo("failed");
                assertThat(t.error().revision()).isEqualTo(R2);
            });
            assertThat(schemaExists(broken)).isFalse();
        }
    }

    @Test
    void aFailureInASchemaThatExistedKeepsTheSchemaAndExactlyWhatTheReportSays() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);");
        String existing = tenant("existing");
        db().execute(kind() == DatabaseKind.MARIADB ? "CREATE DATABASE `" + existing + "`"
                : "CREATE SCHEMA \"" + existing + "\"");
        try (Drover drover = drover(versions, List.of(), new RecordingListener())) {
            Onboarding onboarding = drover.onboard("app", existing);

            assertThat(onboarding.succeeded()).isFalse();
            assertThat(onboarding.created()).isFalse();
            assertThat(onboarding.oneTransaction()).as("only a new schema joins the transaction").isFalse();
            assertThat(onboarding.rolledBack()).isFalse();
            assertThat(schemaExists(existing)).isTrue();
            List<String> committed = onboarding.report().targets().get(0).to();
            if (kind() == DatabaseKind.POSTGRES) {
                assertThat(committed).as("one transaction for the whole onboarding").isEmpty();
            } else {
                assertThat(committed).as("MariaDB and H2 commit DDL: the first revision stays").containsExactly(R1);
            }
            assertThat(onboarding.report().targets().get(0).error().revision()).isEqualTo(R2);
        }
    }

    @Test
    void twoConcurrentOnboardingsOfOneTenantTakeTurns() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        String twin = tenant("twin");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Drover drover = drover(versions, List.of(), new RecordingListener())) {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Onboarding>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return drover.onboard("app", twin);
                }, pool));
            }
            List<Onboarding> results = both.stream().map(CompletableFuture::join).toList();

            assertThat(results).allSatisfy(o -> assertThat(o.succeeded()).isTrue());
            assertThat(results).filteredOn(Onboarding::created).hasSize(1);
            assertThat(results.stream().mapToInt(o -> o.report().summary().succeeded()).sum()).isEqualTo(1);
            assertThat(results.stream().mapToInt(o -> o.report().summary().unchanged()).sum()).isEqualTo(1);
            assertThat(note(twin)).isEqualTo(twin + " eu");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void offlineSqlOpensNoConnectionAndRendersEachTenant() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        try (Drover drover = Drover.configure()
                .section(Section.named("app").url(db().url()).tenants(List.of("t1", "t2")).versionLocations(versions))
                .placeholder("region", "eu").load()) {
            OfflineSql sql = drover.offlineSql("head", Selection.all().tenants("t2"));
            assertThat(sql.byTarget()).containsOnlyKeys("app/t2");
            assertThat(sql.byTarget().get("app/t2")).contains("CREATE TABLE invoices").contains("t2 eu");
        }
        assertThat(schemaExists("t2")).isFalse();
    }

    @Test
    void refusalsBeforeAnythingChangesAreDroverExceptionsNamingWhatToDo() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        try (Drover drover = drover(versions, List.of(), new RecordingListener())) {
            assertThatThrownBy(() -> drover.upgrade("head")).isInstanceOf(DroverException.class)
                    .hasMessageContaining("No target matches the selection").hasMessageContaining("Drover.targets");
            assertThatThrownBy(() -> drover.onboard("nosuch", "x")).isInstanceOf(DroverException.class)
                    .hasMessageContaining("no database section 'nosuch'");
        }
        assertThatThrownBy(() -> Drover.configure().load()).isInstanceOf(DroverException.class)
                .hasMessageContaining("no registry");
    }

    static final String R3 = "c3c3c3c3c3c3";

    /** R1, R2 and a Java revision R3 on top. */
    Path javaVersions(Class<?> type) throws IOException {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        Files.writeString(versions.resolve(R3 + "_java.sql"), "-- revision: " + R3 + "\n-- down_revision: " + R2
                + "\n-- message: in java\n-- java: " + type.getName() + "\n");
        return versions;
    }

    @Test
    void aJavaRevisionRunsWithTheTenantsConnectionInsideTheRunAndIsChecksummedByItsVersion() throws Exception {
        Path versions = javaVersions(AddNoteRow.class);
        String t = tenant("java");
        try (Drover drover = drover(versions, List.of(t), new RecordingListener())) {
            FleetReport report = drover.upgrade("head");

            assertThat(report.succeeded()).as(report.toJson()).isTrue();
            assertThat(report.targets().get(0).to()).containsExactly(R3);
            assertThat(noteOf(t, 101)).isEqualTo("java " + t + " " + kind().name().toLowerCase()
                    .replace("postgres", "postgresql") + " eu");
            assertThat(checksums(t)).contains("v1:java:" + AddNoteRow.class.getName() + ":2");
            assertThat(drover.check(Selection.all()).checkPassed()).isTrue();

            drover.downgrade(R2, Selection.all(), Rollout.defaults());
            assertThat(noteOf(t, 101)).isNull();

            assertThatThrownBy(() -> drover.offlineSql("head", Selection.all()))
                    .isInstanceOf(DroverException.class)
                    .hasMessageContaining(AddNoteRow.class.getName())
                    .hasMessageContaining("offline SQL");
        }
    }

    @Test
    void aJavaRevisionWritesOfflineWhatItRecordsAndAFailureIsTheTargetsOutcome() throws Exception {
        Path versions = javaVersions(RecordedBackfill.class);
        String t = tenant("jfail");
        try (Drover drover = Drover.configure()
                .section(Section.named("app").url(db().url()).tenants(List.of(t)).createSchema(true).versionLocations(versions))
                .placeholder("region", "eu").placeholder("fail", "yes").load()) {
            OfflineSql sql = drover.offlineSql("head", Selection.all());
            assertThat(sql.byTarget().get("app/" + t)).contains("UPDATE accounts SET note = 'backfilled " + t + "'");

            FleetReport report = drover.upgrade("head");
            assertThat(report.succeeded()).isFalse();
            assertThat(report.targets().get(0).error().revision()).isEqualTo(R3);
            assertThat(report.targets().get(0).error().message()).contains(RecordedBackfill.class.getName())
                    .contains("backfill failed on purpose");
            if (kind() == DatabaseKind.POSTGRES) {
                // inside the revision's transaction: its UPDATE rolled back with it
                assertThat(note(t)).isEqualTo(t + " eu");
                assertThat(drover.status().targets().get(0).heads()).containsExactly(R2);
            }
        }
    }

    @Test
    void anAnnotatedJavaRevisionJoinsTheLineageHoldingItsParent() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        Files.writeString(versions.resolve("e5_parent.sql"), "-- revision: e5e5e5e5e5e5\n-- down_revision: " + R2
                + "\n\n-- drover:upgrade\nCREATE TABLE bonus_marker (id INT);\n");
        String t = tenant("ann");
        try (Drover drover = drover(versions, List.of(t), new RecordingListener())) {
            FleetReport report = drover.upgrade("head");
            assertThat(report.succeeded()).as(report.toJson()).isTrue();
            assertThat(report.targets().get(0).to()).containsExactly("f6f6f6f6f6f6");
            assertThat(noteOf(t, 7)).isEqualTo("bonus " + t);
            assertThat(checksums(t)).contains("v1:java:" + AnnotatedBonus.class.getName() + ":3");
        }
    }

    String noteOf(String tenant, int id) throws SQLException {
        String table = kind() == DatabaseKind.MARIADB ? "`" + tenant + "`.accounts" : "\"" + tenant + "\".accounts";
        try (Connection c = db().connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT note FROM " + table + " WHERE id = " + id)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void driftFindsTheTenantAlteredByHandAndHowToRepairIt() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        List<String> tenants = List.of(tenant("d1"), tenant("d2"), tenant("d3"));
        try (Drover drover = drover(versions, new ArrayList<>(tenants), new RecordingListener())) {
            assertThat(drover.upgrade("head").succeeded()).isTrue();
            assertThat(drover.drift(Selection.all(), null).clean()).isTrue();
            String schema = kind() == DatabaseKind.MARIADB ? "`" + tenants.get(1) + "`" : "\"" + tenants.get(1) + "\"";
            db().execute("CREATE INDEX ix_hand ON " + schema + ".accounts (note)");

            DriftReport drift = drover.drift(Selection.all(), null);

            assertThat(drift.clean()).isFalse();
            assertThat(drift.drifted()).singleElement().satisfies(d -> {
                assertThat(d.target()).isEqualTo("app/" + tenants.get(1));
                assertThat(d.differences()).singleElement().asString().containsIgnoringCase("extra index ix_hand");
                assertThat(String.join("\n", d.repairSql())).containsIgnoringCase("DROP INDEX");
            });
            assertThatThrownBy(() -> drover.drift(Selection.all(), "nobody")).isInstanceOf(DroverException.class)
                    .hasMessageContaining("nobody");
        }
    }

    @Test
    void aTaggedRunCarriesItsTagIntoTheReportAndEveryHistoryRow() throws Exception {
        Path versions = versions("CREATE TABLE invoices (id INT PRIMARY KEY);");
        String t = tenant("tagged");
        try (Drover drover = drover(versions, new ArrayList<>(List.of(t)), new RecordingListener())) {
            FleetReport report = drover.upgrade("head", Selection.all(), Rollout.defaults().tag("release-42"));

            assertThat(report.succeeded()).as(report.toJson()).isTrue();
            assertThat(report.report().tag()).isEqualTo("release-42");
            assertThat(report.report().runId()).startsWith("release-42:");
            assertThat(runIds(t)).isNotEmpty().allSatisfy(id -> assertThat(id).isEqualTo(report.report().runId()));
        }
    }

    List<String> runIds(String tenant) throws SQLException {
        return history(tenant, "run_id");
    }

    List<String> checksums(String tenant) throws SQLException {
        return history(tenant, "checksum");
    }

    /** One column of every row of a tenant's history table. */
    private List<String> history(String tenant, String column) throws SQLException {
        String table = kind() == DatabaseKind.MARIADB ? "`" + tenant + "`.drover_history" : "\"" + tenant + "\".\"drover_history\"";
        List<String> all = new ArrayList<>();
        try (Connection c = db().connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + column + " FROM " + table)) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        return all;
    }

    String note(String tenant) throws SQLException {
        String table = kind() == DatabaseKind.MARIADB ? "`" + tenant + "`.accounts" : "\"" + tenant + "\".accounts";
        try (Connection c = db().connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT note FROM " + table + " WHERE id = 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final class RecordingListener implements FleetListener {
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final List<String> finished = Collections.synchronizedList(new ArrayList<>());
        final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void targetStarted(TargetEvent event) {
            started.add(event.target());
        }

        @Override
        public void targetFinished(TargetEvent event) {
            finished.add(event.target() + " " + event.status());
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    }
}
