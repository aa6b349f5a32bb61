package dev.drover.registry;

import static dev.drover.registry.IniFixture.at;
import static dev.drover.registry.IniFixture.load;
import static dev.drover.registry.IniFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsTest {

    @TempDir
    Path dir;

    /** The "single ini, many databases" layout: settings in [DEFAULT], per-database url and version_locations. */
    private static final String FOUR_DATABASES = """
            [drover]
            databases = database1, database2, database3, database4

            [DEFAULT]
            script_location = %(here)s/migrations
            file_template = %%(rev)s_%%(slug)s
            user = ${env:DB_USER}
            password = ${env:DB_PASSWORD}
            version_table = drover_version

            [database1]
            url = jdbc:postgresql://pg1:5432/database1
            version_locations = %(here)s/migrations/database1
            tenants = t1, t2, t10

            [database2]
            url = jdbc:postgresql://pg2/database2
            version_locations = %(here)s/migrations/database2
            tenants = t11, t2

            [database3]
            url = jdbc:mariadb://maria:3306/database3
            version_locations = %(here)s/migrations/database3

            [database4]
            url = jdbc:mariadb://maria:3306/db4_{tenant}
            version_locations = %(here)s/migrations/database4
            tenants = file: tenants4.txt
            """;

    private Registry fourDatabases() {
        write(dir, "tenants4.txt", "# tenants of database4\nt1\n\n  t3   # the new one\nt1x\n");
        return load(dir, FOUR_DATABASES, Map.of("DB_USER", "deploy", "DB_PASSWORD", "pw"));
    }

    private static List<String> keys(ResolvedTargets result) {
        return result.targets().stream().map(RegistryTarget::key).toList();
    }

    @Test
    void fourDatabasesWithoutSelection() {
        ResolvedTargets result = fourDatabases().targets(Selection.all());

        assertThat(keys(result)).containsExactly("database1/t1", "database1/t2", "database1/t10", "database2/t11",
                "database2/t2", "database3", "database4/t1", "database4/t3", "database4/t1x");
        assertThat(result.rejected()).isEmpty();
        RegistryTarget d1 = result.targets().get(0);
        assertThat(d1.schema()).isEqualTo("t1");
        assertThat(d1.database()).isEqualTo("database1");
        assertThat(d1.server()).isEqualTo("pg1:5432");
        assertThat(d1.searchPath()).isEqualTo("t1");
        assertThat(d1.user()).isEqualTo("deploy");
        assertThat(d1.password().reveal()).isEqualTo("pw");
        assertThat(d1.fileTemplate()).isEqualTo("%(rev)s_%(slug)s");
        assertThat(d1.versionLocations()).containsExactly(dir.toAbsolutePath().resolve("migrations/database1").normalize());
        assertThat(d1.scriptLocation()).isEqualTo(dir.toAbsolutePath().resolve("migrations").normalize());
        RegistryTarget d3 = result.targets().get(5);
        assertThat(d3.tenant()).isNull();
        assertThat(d3.schema()).isNull();
        assertThat(d3.database()).isEqualTo("database3");
        assertThat(d3.dialectName()).isEqualTo("mariadb");
        RegistryTarget d4 = result.targets().get(7);
        assertThat(d4.url()).isEqualTo("jdbc:mariadb://maria:3306/db4_t3");
        assertThat(d4.database()).isEqualTo("db4_t3");
        assertThat(d4.schema()).isNull();
        assertThat(d4.tenancy()).isEqualTo(Tenancy.DATABASE_PER_TENANT);
    }

    @Test
    void fourDatabasesByName() {
        assertThat(keys(fourDatabases().targets(Selection.names("database2")))).containsExactly("database2/t11", "database2/t2");
    }

    @Test
    void fourDatabasesByNameAndTenantGlobs() {
        ResolvedTargets result = fourDatabases().targets(Selection.names("database*").withTenants("t1*"));

        assertThat(keys(result)).containsExactly("database1/t1", "database1/t10", "database2/t11", "database4/t1", "database4/t1x");
    }

    @Test
    void tenantGlobMatchingNothingIsAWarning() {
        ResolvedTargets result = fourDatabases().targets(Selection.all().withTenants("t?", "nobody"));

        assertThat(keys(result)).containsExactly("database1/t1", "database1/t2", "database2/t2", "database4/t1", "database4/t3");
        assertThat(result.warnings()).extracting(ConfigWarning::message)
                .containsExactly("--tenant 'nobody' matches no tenant of the selected sections; check the name with 'drover targets'");
    }

    @Test
    void unknownNameListsTheSections() {
        Registry registry = fourDatabases();

        assertThatThrownBy(() -> registry.targets(Selection.names("database9")))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("--name 'database9' matches no database section; use one of 'database1', "
                        + "'database2', 'database3', 'database4'");
        assertThatThrownBy(() -> registry.select(List.of("nope*"))).isInstanceOf(ConfigException.class);
        assertThat(registry.select(List.of("database?", "database1"))).extracting(DatabaseSection::name)
                .containsExactly("database1", "database2", "database3", "database4");
    }

    @Test
    void schemaPerTenantOnMariadbUsesDatabases() {
        ResolvedTargets result = load(dir, "[drover]\nurl = jdbc:mariadb://h/app\ntenants = acme, globex\n").targets(Selection.all());

        RegistryTarget acme = result.targets().get(0);
        assertThat(acme.tenancy()).isEqualTo(Tenancy.USE_DATABASE_PER_TENANT);
        assertThat(acme.schema()).isNull();
        assertThat(acme.database()).isEqualTo("acme");
        assertThat(acme.url()).isEqualTo("jdbc:mariadb://h/app");
        assertThat(acme.searchPath()).isNull();
        assertThat(acme.server()).isEqualTo("h:3306");
    }

    @Test
    void searchPathIsRendered() {
        RegistryTarget t = load(dir, "[drover]\nurl = jdbc:postgresql://h/app\ntenants = acme-1\nsearch_path = {tenant}, public\n")
                .targets(Selection.all()).targets().get(0);

        assertThat(t.searchPath()).isEqualTo("acme-1, public");
        assertThat(t.searchPathSchemas()).containsExactly("acme-1", "public");
    }

    @Test
    void invalidTenantNamesAreRejectedWithReasons() {
        String tooLong = "t" + "x".repeat(63);
        ResolvedTargets result = load(dir, "[drover]\nurl = jdbc:h2:mem:x\ntenants = ok, 1bad, bad;name, "
                + tooLong + ", Acme, acme, ok, $x, fine$-1\n").targets(Selection.all());

        assertThat(keys(result)).containsExactly("drover/ok", "drover/fine$-1");
        assertThat(result.rejected()).containsExactly(
                new RejectedTenant("drover", "1bad", "does not match [A-Za-z_][A-Za-z0-9_$-]*"),
                new RejectedTenant("drover", "bad;name", "does not match [A-Za-z_][A-Za-z0-9_$-]*"),
                new RejectedTenant("drover", tooLong, "longer than 63 bytes"),
                new RejectedTenant("drover", "ok", "listed more than once"),
                new RejectedTenant("drover", "$x", "does not match [A-Za-z_][A-Za-z0-9_$-]*"),
                new RejectedTenant("drover", "Acme", "differs only by letter case from 'acme'; rename one of them"),
                new RejectedTenant("drover", "acme", "differs only by letter case from 'Acme'; rename one of them"));
    }

    @Test
    void missingTenantsFileNamesTheLine() {
        Registry registry = load(dir, "[drover]\nurl = jdbc:h2:mem:x\ntenants = file: missing.txt\n");

        assertThatThrownBy(() -> registry.targets(Selection.all())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(at(dir, 3) + ": the tenants file '")
                .hasMessageEndingWith("does not exist; create it (one tenant per line) or fix the path");
    }

    @Test
    void twoSectionsOnTheSameDatabaseCollide() {
        Registry registry = load(dir, """
                [drover]
                databases = a, b
                [a]
                url = jdbc:postgresql://Host:5432/app
                [b]
                url = jdbc:postgresql://host/app?ssl=false
                """);

        assertThatCode(() -> registry.targets(Selection.names("a"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> registry.targets(Selection.all())).isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("drover.ini").toAbsolutePath() + ": targets 'a' and 'b' resolve to the same version "
                        + "table 'drover_version' (server host:5432, database 'app'); point them at different databases "
                        + "or schemas, or give one a different 'version_table'");
    }

    @Test
    void sharedVersionTableSchemaMakesTenantsCollide() {
        Registry registry = load(dir, "[drover]\nurl = jdbc:postgresql://h/app\ntenants = a, b\nversion_table_schema = public\n");

        assertThatThrownBy(() -> registry.targets(Selection.all()))
                .hasMessageContaining("targets 'drover/a' and 'drover/b' resolve to the same version table");
    }

    @Test
    void differentVersionTablesOnOneDatabaseDoNotCollide() {
        Registry registry = load(dir, """
                [drover]
                databases = a, b
                [a]
                url = jdbc:postgresql://h/app
                [b]
                url = jdbc:postgresql://h/app
                version_table = b_version
                """);

        assertThat(keys(registry.targets(Selection.all()))).containsExactly("a", "b");
    }

    @Test
    void shardsPartitionTheTargetsAndStayStableWhenTenantsAreAppended() {
        List<String> tenants = IntStream.range(0, 200).mapToObj(i -> "t" + i).collect(Collectors.toCollection(ArrayList::new));
        Map<String, Integer> before = shardOfEach(tenants, 4);
        assertThat(before).hasSize(200);
        assertThat(before.values().stream().distinct().count()).isEqualTo(4);

        tenants.addAll(IntStream.range(200, 260).mapToObj(i -> "t" + i).toList());
        Map<String, Integer> after = shardOfEach(tenants, 4);

        assertThat(after).hasSize(260);
        before.forEach((key, shard) -> assertThat(after.get(key)).as(key).isEqualTo(shard));
    }

    private Map<String, Integer> shardOfEach(List<String> tenants, int count) {
        Registry registry = load(dir, "[drover]\nurl = jdbc:postgresql://h/app\ntenants = " + String.join(", ", tenants) + "\n");
        Map<String, Integer> shardOf = new java.util.HashMap<>();
        for (int i = 1; i <= count; i++) {
            for (RegistryTarget t : registry.targets(Selection.all().withShard(new Shard(i, count))).targets()) {
                assertThat(shardOf.put(t.key(), i)).as("in one shard only: " + t.key()).isNull();
            }
        }
        return shardOf;
    }

    @Test
    void parsesShards() {
        assertThat(Shard.parse(" 2/4 ")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse("2/4")).hasToString("2/4");
        for (String bad : new String[] {"0/4", "5/4", "a/b", "2", "2/0", "-1/3", ""}) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageEndingWith("write '--shard 1/4' for the first of four shards");
        }
    }
}
