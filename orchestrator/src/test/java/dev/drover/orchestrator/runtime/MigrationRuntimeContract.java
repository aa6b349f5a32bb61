package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.orchestrator.sql.OfflineSql;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public facade on real script files and the real revision graph, subclassed per dialect:
 * branches and a merge, downgrade to base, relative steps, stamp with and without purge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MigrationRuntimeContract {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    @TempDir
    Path dir;
    private TestDatabase db;
    private MigrationRuntime runtime;
    private final RunOptions options = new RunOptions("it-run");

    protected abstract DatabaseKind kind();

    @BeforeAll
    void open() {
        db = TestDatabases.open(kind());
        runtime = new MigrationRuntime(4);
    }

    @AfterAll
    void close() {
        if (runtime != null) {
            runtime.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private MigrationTarget freshTarget() {
        String tenant = kind() == DatabaseKind.MARIADB ? db.createDatabase("f" + TENANTS.incrementAndGet())
                : "ftenant_" + TENANTS.incrementAndGet();
        return MigrationTarget.of("it/" + tenant, db.url()).withTenant(tenant).withCreateSchema(true)
                .withPlaceholders(Map.of("tenant", tenant));
    }

    private ScriptSource scripts(String location, String... idParentSql) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(location));
        for (int i = 0; i < idParentSql.length; i += 3) {
            String id = idParentSql[i];
            Files.writeString(folder.resolve(id + "_rev.sql"), "-- revision: " + id + "\n-- down_revision: "
                    + idParentSql[i + 1] + "\n-- message: " + id + "\n\n-- drover:upgrade\n" + idParentSql[i + 2]
                    + "\n\n-- drover:downgrade\nDROP TABLE " + id + "_t;\n");
        }
        return ScriptSource.of(ScriptDirectory.load(List.of(folder)));
    }

    private ScriptSource branchy() throws IOException {
        return scripts("branchy",
                "aa0001", "", "CREATE TABLE aa0001_t (id INT);",
                "bb0002", "aa0001", "CREATE TABLE bb0002_t (id INT);",
                "cc0003", "aa0001", "CREATE TABLE cc0003_t (id INT);",
                "dd0004", "bb0002, cc0003", "CREATE TABLE dd0004_t (id INT, note VARCHAR(20) DEFAULT '${tenant}');");
    }

    private ScriptSource linear() throws IOException {
        return scripts("linear",
                "ee0001", "", "CREATE TABLE ee0001_t (id INT);",
                "ee0002", "ee0001", "CREATE TABLE ee0002_t (id INT);",
                "ee0003", "ee0002", "CREATE TABLE ee0003_t (id INT);");
    }

    @Test
    void upgradesToHeadThroughBranchesAndAMergeThenDowngradesToBase() throws Exception {
        MigrationTarget target = freshTarget();
        ScriptSource s = branchy();

        TargetResult up = MigrationRuntime.await(runtime.upgrade(target, s, "head", options));

        assertThat(up.status()).as(String.valueOf(up)).isEqualTo(TargetStatus.SUCCEEDED);
        assertThat(up.from()).isEmpty();
        assertThat(up.to()).containsExactly("dd0004");
        assertThat(up.steps()).extracting(StepResult::revision).hasSize(4).startsWith("aa0001").endsWith("dd0004");
        assertThat(MigrationRuntime.await(runtime.current(target))).containsExactly("dd0004");
        assertThat(tables(target)).contains("aa0001_t", "bb0002_t", "cc0003_t", "dd0004_t");

        TargetResult again = MigrationRuntime.await(runtime.upgrade(target, s, "head", options));
        assertThat(again.status()).isEqualTo(TargetStatus.UNCHANGED);

        TargetResult down = MigrationRuntime.await(runtime.downgrade(target, s, "base", options));
        assertThat(down.status()).as(String.valueOf(down)).isEqualTo(TargetStatus.SUCCEEDED);
        assertThat(down.to()).isEmpty();
        assertThat(down.steps()).hasSize(4);
        assertThat(tables(target)).doesNotContain("aa0001_t", "bb0002_t", "cc0003_t", "dd0004_t");
    }

    @Test
    void relativeStepsMoveOneRevisionAtATime() throws Exception {
        MigrationTarget target = freshTarget();
        ScriptSource s = linear();

        assertThat(MigrationRuntime.await(runtime.upgrade(target, s, "+1", options)).to()).containsExactly("ee0001");
        assertThat(MigrationRuntime.await(runtime.upgrade(target, s, "+1", options)).to()).containsExactly("ee0002");
        TargetResult back = MigrationRuntime.await(runtime.downgrade(target, s, "-1", options));
        assertThat(back.to()).containsExactly("ee0001");
        assertThat(back.steps()).extracting(StepResult::revision).containsExactly("ee0002");
    }

    @Test
    void stampWritesVersionRowsOnlyAndPurgeReplacesThem() throws Exception {
        MigrationTarget target = freshTarget();
        ScriptSource s = linear();

        TargetResult stamped = MigrationRuntime.await(runtime.stamp(target, s, List.of("ee0002"), false, options));
        assertThat(stamped.to()).containsExactly("ee0002");
        assertThat(tables(target)).doesNotContain("ee0001_t", "ee0002_t");

        db.execute(kind() == DatabaseKind.MARIADB
                ? "INSERT INTO `" + target.tenantSchema() + "`.drover_version VALUES ('bogus')"
                : "INSERT INTO \"" + target.tenantSchema() + "\".\"drover_version\" VALUES ('bogus')");
        TargetResult purged = MigrationRuntime.await(runtime.stamp(target, s, List.of("ee0001"), true, options));
        assertThat(purged.to()).containsExactly("ee0001");

        TargetResult up = MigrationRuntime.await(runtime.upgrade(target, s, "head", options));
        assertThat(up.steps()).extracting(StepResult::revision).containsExactly("ee0002", "ee0003");
    }

    @Test
    void offlineSqlForARangeNeedsNoDatabase() throws Exception {
        ScriptSource s = linear();
        MigrationTarget target = MigrationTarget.of("offline", db.url()).withTenant("nowhere");

        String sql = OfflineSql.upgrade(target, s, "ee0001:head", "run-offline");

        assertThat(sql).contains("CREATE TABLE ee0002_t (id INT);", "CREATE TABLE ee0003_t (id INT);")
                .doesNotContain("CREATE TABLE ee0001_t");
        assertThat(OfflineSql.downgrade(target, s, "ee0003:ee0001", "run-offline"))
                .contains("DROP TABLE ee0003_t;", "DROP TABLE ee0002_t;").doesNotContain("DROP TABLE ee0001_t");
    }

    private List<String> tables(MigrationTarget target) throws SQLException {
        List<String> names = new ArrayList<>();
        boolean maria = kind() == DatabaseKind.MARIADB;
        try (Connection c = db.connect();
                ResultSet rs = c.getMetaData().getTables(maria ? target.tenantSchema() : null,
                        maria ? null : target.tenantSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
