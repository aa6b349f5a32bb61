package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.cli.CliRun;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TcpProxy;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, written once and run per dialect: what can be known before a run is refused before any
 * target changes, hints select their own target, {@code repair} accepts an intended edit, and
 * {@code --sql} opens no connection. The fleet: sections {@code engine1} and {@code engine2} with
 * their own lineages and version tables, over the same two tenants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RefuseBeforeChangeContract {

    private static final AtomicInteger PROJECTS = new AtomicInteger();

    @TempDir
    Path tmp;

    protected TestDatabase db;

    /** This test's tenants (PostgreSQL schemas, MariaDB databases), unique per test. */
    protected String t1;
    protected String t2;

    private CliRun cli;

    protected abstract DatabaseKind kind();

    /** Creates two empty tenants whose names start with {@code prefix} and returns their names. */
    protected abstract List<String> createTenants(String prefix) throws Exception;

    /** A discovery query returning exactly {@code names}. */
    protected abstract String tenantQuery(String first, String second);

    /** {@code table} of {@code tenant}, qualified for this dialect. */
    protected abstract String qualified(String tenant, String table);

    /** What an offline SQL file for {@code tenant} must start with, so that it runs in the right database. */
    protected abstract List<String> offlineFileOpening(String tenant);

    @BeforeAll
    void openDatabase() {
        db = TestDatabases.open(kind());
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void project() throws Exception {
        List<String> tenants = createTenants("rb" + PROJECTS.incrementAndGet());
        t1 = tenants.get(0);
        t2 = tenants.get(1);
        cli = new CliRun(tmp);
        cli.write("app/drover.ini", "[drover]\ndatabases = engine1, engine2\n\n"
                + section("engine1", db.url(), "tenants = " + t1 + ", " + t2 + "\n", "one")
                + section("engine2", db.url(), "tenants = " + t1 + ", " + t2 + "\n"
                        + "version_table = engine2_version\nhistory_table = engine2_history\n", "two"));
        cli.write("app/one/aaa001_one.sql", CliRun.script("aaa001", "", "CREATE TABLE one_a (id INT);", "DROP TABLE one_a;"));
        cli.write("app/one/aaa002_two.sql", CliRun.script("aaa002", "aaa001", "CREATE TABLE one_b (id INT);\n"
                + "CREATE TABLE one_c (id INT);", "DROP TABLE one_c;\nDROP TABLE one_b;"));
        cli.write("app/two/bbb001_base.sql", CliRun.script("bbb001", "", "CREATE TABLE two_a (id INT);", "DROP TABLE two_a;"));
    }

    private static String section(String name, String url, String lines, String versions) {
        return "[" + name + "]\nurl = " + url + "\n" + lines + "version_locations = %(here)s/" + versions + "\n\n";
    }

    @Test
    void aDestinationOneLineageCannotResolveIsRefusedBeforeAnyTargetChanges() throws Exception {
        cli.write("app/two/bbb002_left.sql", CliRun.script("bbb002", "bbb001", "CREATE TABLE two_l (id INT);", null));
        cli.write("app/two/bbb003_right.sql", CliRun.script("bbb003", "bbb001", "CREATE TABLE two_r (id INT);", null));

        CliRun.Result up = drover("upgrade", "head");
        assertThat(up.exitCode()).as(up.toString()).isEqualTo(2);
        assertThat(up.err()).contains("upgrade 'head' cannot be resolved, so nothing was run", "section 'engine2'",
                "'bbb002' (", "bbb002_left.sql)", "'bbb003' (", "bbb003_right.sql)", "merge them with 'drover merge'");
        assertThat(versions("drover_version")).as("engine1 was not migrated either").isEmpty();
        CliRun.Result dryRun = drover("upgrade", "head", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(2);
        assertThat(dryRun.err()).isEqualTo(up.err()).doesNotContain("Exception");

        CliRun.Result ambiguous = drover("upgrade", "bbb00");
        assertThat(ambiguous.exitCode()).as(ambiguous.toString()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("section 'engine1': No such revision or branch 'bbb00'",
                "section 'engine2': Revision prefix 'bbb00' is ambiguous");
        assertThat(drover("stamp", "head").err()).contains("stamp 'head' cannot be resolved", "section 'engine2'");
        CliRun.Result offline = drover("upgrade", "head", "--sql");
        assertThat(offline.exitCode()).as(offline.toString()).isEqualTo(2);
        assertThat(offline.out()).as("no partial SQL").isEmpty();
        assertThat(versions("drover_version")).isEmpty();

        CliRun.Result heads = drover("upgrade", "heads");
        assertThat(heads.exitCode()).as(heads.toString()).isZero();
        assertThat(versions("engine2_version")).containsExactly(t1 + ":bbb002", t1 + ":bbb003", t2 + ":bbb002",
                t2 + ":bbb003");
    }

    @Test
    void aRelativeDestinationSomeTargetCannotTakeIsRefusedNamingThoseTargets() throws Exception {
        assertThat(drover("-n", "engine1", "upgrade", "heads").exitCode()).isZero();

        CliRun.Result up = drover("upgrade", "+1");
        assertThat(up.exitCode()).as(up.toString()).isEqualTo(2);
        assertThat(up.err()).contains("target(s) 'engine1/" + t1 + "', 'engine1/" + t2 + "': Relative revision '+1'",
                "--name/--tenant").doesNotContain("engine2/");
        assertThat(versions("engine2_version")).as("engine2 could move, but nothing ran").isEmpty();
        assertThat(drover("-n", "engine2", "upgrade", "+1").exitCode()).isZero();
        assertThat(versions("engine2_version")).containsExactly(t1 + ":bbb001", t2 + ":bbb001");
    }

    @Test
    void theHalfAppliedRepairHintTouchesOnlyItsOwnTarget() throws Exception {
        assertThat(drover("-n", "engine1", "upgrade", "aaa001").exitCode()).isZero();
        assertThat(drover("-n", "engine1", "-t", t2, "upgrade", "heads").exitCode()).isZero();
        // t1 was left half-way through aaa002 by a run that died after its first statement
        db.execute("CREATE TABLE " + qualified(t1, "one_b") + " (id INT)", "INSERT INTO " + qualified(t1, "drover_history")
                + " (revision, direction, checksum, status, statement_count, run_id) VALUES ('aaa002', 'upgrade', NULL,"
                + " 'started', 1, 'crashed-run')");

        CliRun.Result refused = drover("-n", "engine1", "upgrade");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        Matcher undo = Pattern.compile("undo statements 1-1 and run '(drover [^']*--purge)'").matcher(refused.out());
        assertThat(undo.find()).as(refused.toString()).isTrue();
        assertThat(undo.group(1)).isEqualTo("drover -n engine1 -t " + t1 + " stamp aaa001 --purge");
        CliRun.Result status = drover("status");
        assertThat(status.out()).contains("half-applied: aaa002").contains("'drover -n engine1 -t " + t1 + " upgrade'");

        db.execute("DROP TABLE " + qualified(t1, "one_b"));
        List<String> hint = new ArrayList<>(List.of("-c", "app/drover.ini"));
        hint.addAll(Arrays.asList(undo.group(1).substring("drover ".length()).split(" ")));
        CliRun.Result followed = cli.run(hint.toArray(String[]::new));
        assertThat(followed.exitCode()).as(followed.toString()).isZero();
        assertThat(versions("drover_version")).containsExactly(t1 + ":aaa001", t2 + ":aaa002");
        assertThat(rows("SELECT status FROM " + qualified(t2, "drover_history") + " ORDER BY 1"))
                .as("the other tenant was not stamped").containsExactly("done", "done");
        assertThat(versions("engine2_version")).as("nor the other section").isEmpty();
        assertThat(drover("-n", "engine1", "upgrade").exitCode()).isZero();
    }

    @Test
    void repairAcceptsAnIntendedEditOnTheSelectedTargetsOnly() throws Exception {
        assertThat(drover("-n", "engine1", "upgrade", "heads").exitCode()).isZero();
        cli.write("app/one/aaa001_one.sql", CliRun.script("aaa001", "", "CREATE TABLE one_a (id BIGINT);", "DROP TABLE one_a;"));
        assertThat(drover("-n", "engine1", "check").exitCode()).isEqualTo(1);

        CliRun.Result dryRun = drover("-n", "engine1", "repair", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("engine1/" + t1, "engine1/" + t2, "would accept the current script of aaa001");
        assertThat(history(t1)).containsExactly("aaa001:done", "aaa002:done");

        CliRun.Result repair = drover("-n", "engine1", "-t", t1, "repair", "--report", "repair.json");
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(repair.out()).contains("accepted the current script of aaa001");
        String runId = new ObjectMapper().readTree(tmp.resolve("repair.json").toFile()).path("runId").asText();
        assertThat(history(t1)).containsExactly("aaa001:done", "aaa002:done", "aaa001:accepted");
        List<String> accepted = rows("SELECT CONCAT(checksum, ' ', run_id) FROM " + qualified(t1, "drover_history")
                + " WHERE status = 'accepted'");
        List<String> original = rows("SELECT checksum FROM " + qualified(t1, "drover_history")
                + " WHERE status = 'done' AND revision = 'aaa001'");
        assertThat(accepted).singleElement().asString().startsWith("v1:sha256:").endsWith(" " + runId)
                .doesNotContain(original.get(0));
        assertThat(history(t2)).as("the other tenant was left alone").containsExactly("aaa001:done", "aaa002:done");

        assertThat(drover("-n", "engine1", "-t", t1, "check").exitCode()).isZero();
        CliRun.Result refused = drover("-n", "engine1", "upgrade");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("'engine1/" + t2 + "'").doesNotContain("'engine1/" + t1 + "'");
        assertThat(drover("-n", "engine1", "repair").exitCode()).isZero();
        assertThat(drover("-n", "engine1", "repair").out()).contains("unchanged", "no applied script changed");
        assertThat(drover("-n", "engine1", "check").exitCode()).isZero();
        assertThat(history(t1)).containsExactly("aaa001:done", "aaa002:done", "aaa001:accepted");
    }

    @Test
    void offlineSqlWithDiscoveredTenantsOpensNoConnection() throws Exception {
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", port(db.url()))) {
            String url = db.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            cli.write("app/drover.ini", "[drover]\ndatabases = engine1\n\n" + section("engine1", url,
                    "tenants = query: " + tenantQuery(t1, t2) + "\n", "one"));
            CliRun.Result targets = drover("targets");
            assertThat(targets.out()).as("discovery goes through the proxy").contains("engine1/" + t1);
            int online = proxy.connections();
            assertThat(online).isPositive();

            CliRun.Result refused = drover("upgrade", "head", "--sql");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err()).contains("drover.ini:", "[engine1]", "query:", "--tenant NAME", "--tenants-file FILE");
            assertThat(drover("-t", "rb*", "upgrade", "head", "--sql").exitCode()).isEqualTo(2);

            CliRun.Result named = drover("-t", t1, "-t", t2, "upgrade", "head", "--sql", "--sql-dir", "sql");
            assertThat(named.exitCode()).as(named.toString()).isZero();
            cli.write("tenants.txt", "# the fleet\n" + t1 + "\n" + t2 + "\n");
            CliRun.Result fromFile = drover("upgrade", "head", "--sql", "--tenants-file", "tenants.txt");
            assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
            assertThat(proxy.connections()).as("--sql connected nowhere").isEqualTo(online);

            for (String tenant : List.of(t1, t2)) {
                String file = Files.readString(tmp.resolve("sql/engine1__" + tenant + ".sql"));
                assertThat(file).startsWith(String.join("\n", offlineFileOpening(tenant)) + "\n");
                assertThat(fromFile.out()).contains(file);
            }
        }
    }

    @Test
    void statusAndCurrentExitOneWhenATargetIsUnreadableAndJsonWorksOnEveryReadCommand() throws Exception {
        assertThat(drover("upgrade", "heads").exitCode()).isZero();
        CliRun.Result current = drover("-n", "engine1", "-t", t1, "current", "--format", "json");
        assertThat(current.exitCode()).as(current.toString()).isZero();
        JsonNode target = new ObjectMapper().readTree(current.out()).path("targets").get(0);
        assertThat(target.path("key").asText()).isEqualTo("engine1/" + t1);
        assertThat(target.path("heads").get(0).asText()).isEqualTo("aaa002");
        JsonNode history = new ObjectMapper().readTree(drover("-n", "engine1", "-t", t1, "history", "-i", "--format",
                "json").out()).path("lineages").get(0);
        assertThat(history.path("sections").get(0).asText()).isEqualTo("engine1");
        assertThat(history.path("revisions").findValuesAsText("id")).containsExactly("aaa002", "aaa001");
        assertThat(history.path("revisions").get(0).path("current").asBoolean()).isTrue();
        JsonNode heads = new ObjectMapper().readTree(drover("heads", "--format", "json").out()).path("lineages");
        assertThat(heads.findValuesAsText("id")).containsExactly("aaa002", "bbb001");

        String text = Files.readString(tmp.resolve("app/drover.ini"));
        cli.write("app/drover.ini", text.replace("databases = engine1, engine2", "databases = engine1, engine2, gone")
                + section("gone", db.urlOf("drover_no_such_database"), "", "one"));
        CliRun.Result status = drover("status");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
        assertThat(status.out()).contains("engine1/" + t1 + "  at aaa002 (head)", "gone", "unreadable");
        assertThat(drover("status", "--format", "json").exitCode()).isEqualTo(1);
        assertThat(drover("current").exitCode()).isEqualTo(1);
        assertThat(drover("-n", "engine*", "status").exitCode()).isZero();
    }

    protected CliRun.Result drover(String... args) {
        List<String> all = new ArrayList<>(List.of("-c", "app/drover.ini"));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    /** Every tenant's rows of a version table: {@code tenant:revision}, sorted; a missing table has none. */
    protected List<String> versions(String table) throws Exception {
        List<String> all = new ArrayList<>();
        for (String tenant : List.of(t1, t2)) {
            try {
                rows("SELECT version_num FROM " + qualified(tenant, table)).forEach(v -> all.add(tenant + ":" + v));
            } catch (java.sql.SQLException missing) {
                // never created: nothing applied
            }
        }
        return all.stream().sorted().toList();
    }

    /** {@code revision:status} of a tenant's engine1 history, in the order written. */
    private List<String> history(String tenant) throws Exception {
        return rows("SELECT CONCAT(revision, ':', status) FROM " + qualified(tenant, "drover_history")
                + " ORDER BY started_at");
    }

    protected List<String> rows(String sql) throws Exception {
        return HostileTenantNamesIT.query(db, sql);
    }

    private static int port(String url) {
        Matcher m = Pattern.compile("//[^/:]+:(\\d+)/").matcher(url);
        assertThat(m.find()).as("a test URL with a port: " + url).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
