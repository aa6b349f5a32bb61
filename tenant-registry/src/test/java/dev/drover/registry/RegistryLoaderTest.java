package dev.drover.registry;

import static dev.drover.registry.IniFixture.at;
import static dev.drover.registry.IniFixture.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryLoaderTest {

    @TempDir
    Path dir;

    private static final String DESIGN_EXAMPLE = """
            [drover]
            databases = billing, crm          ; the sections this file migrates, in rollout order
            script_location = migrations
            concurrency = 16

            [DEFAULT]                         ; shared by every section (any key below may appear here)
            version_table = drover_version

            [billing]
            url = jdbc:postgresql://${env:PGHOST:-127.0.0.1}:5432/billing
            user = ${env:BILLING_USER}
            password = ${env:BILLING_PASSWORD}
            version_locations = %(here)s/migrations/billing
            tenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%' ORDER BY 1
            search_path = {tenant}, public
            two_phase = true
            max_connections = 4               ; per-server cap (Skeema's lesson)

            [crm]
            url = jdbc:mariadb://127.0.0.1:3306/{tenant}   ; database per tenant
            tenants = file: tenants.txt
            version_locations = %(here)s/migrations/crm
            """;

    @Test
    void loadsTheDesignExample() {
        Registry registry = load(dir, DESIGN_EXAMPLE, Map.of("BILLING_USER", "bill", "BILLING_PASSWORD", "s3cret"));

        assertThat(registry.sectionNames()).containsExactly("billing", "crm");
        assertThat(registry.concurrency()).isEqualTo(16);
        assertThat(registry.warnings()).isEmpty();
        DatabaseSection billing = registry.section("billing");
        assertThat(billing.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/billing");
        assertThat(billing.user()).isEqualTo("bill");
        assertThat(billing.password().reveal()).isEqualTo("s3cret");
        assertThat(billing.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(billing.tenancy()).isEqualTo(Tenancy.SCHEMA_PER_TENANT);
        assertThat(billing.tenants()).isEqualTo(new TenantSource.FromQuery(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%' ORDER BY 1", at(dir, 14)));
        assertThat(billing.versionLocations()).containsExactly(dir.toAbsolutePath().resolve("migrations/billing").normalize());
        assertThat(billing.scriptLocation()).isEqualTo(dir.toAbsolutePath().resolve("migrations").normalize());
        assertThat(billing.searchPath()).isEqualTo("{tenant}, public");
        assertThat(billing.twoPhase()).isTrue();
        assertThat(billing.maxConnections()).isEqualTo(4);
        DatabaseSection crm = registry.section("crm");
        assertThat(crm.url()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/{tenant}");
        assertThat(crm.dialect()).isEqualTo(Dialect.MARIADB);
        assertThat(crm.tenancy()).isEqualTo(Tenancy.DATABASE_PER_TENANT);
        assertThat(crm.tenants()).isEqualTo(new TenantSource.FromFile(dir.toAbsolutePath().resolve("tenants.txt").normalize(), at(dir, 21)));
        assertThat(crm.twoPhase()).isFalse();
        assertThat(crm.versionTable()).isEqualTo("drover_version");
    }

    @Test
    void appliesDefaults() {
        DatabaseSection s = load(dir, "[drover]\nurl = jdbc:h2:mem:x\n").section("drover");

        assertThat(s.name()).isEqualTo("drover");
        assertThat(s.tenancy()).isEqualTo(Tenancy.SINGLE);
        assertThat(s.tenants()).isInstanceOf(TenantSource.None.class);
        Path scripts = dir.toAbsolutePath().resolve("migrations").normalize();
        assertThat(s.scriptLocation()).isEqualTo(scripts);
        assertThat(s.versionLocations()).containsExactly(scripts.resolve("versions"));
        assertThat(s.fileTemplate()).isEqualTo("%(rev)s_%(slug)s");
        assertThat(s.truncateSlugLength()).isEqualTo(40);
        assertThat(s.versionTable()).isEqualTo("drover_version");
        assertThat(s.versionTableSchema()).isNull();
        assertThat(s.historyTable()).isEqualTo("drover_history");
        assertThat(s.searchPath()).isNull();
        assertThat(s.twoPhase()).isFalse();
        assertThat(s.maxConnections()).isEqualTo(4);
        assertThat(s.transactionPerMigration()).isTrue();
        assertThat(s.createSchema()).isFalse();
        assertThat(s.strategy()).isNull();
        assertThat(s.lockWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.fleetLedger()).as("H2 has no fleet ledger").isNull();
        assertThat(s.user()).isNull();
        assertThat(s.password().isEmpty()).isTrue();
    }

    @Test
    void readsEveryKey() {
        DatabaseSection s = load(dir, """
                [drover]
                url = jdbc:postgresql://db:6543/app
                user = app
                password = pw
                script_location = /opt/scripts
                version_locations = a, b c
                file_template = %%(year)d_%%(rev)s_%%(slug)s
                truncate_slug_length = 20
                version_table = v
                version_table_schema = meta
                history_table = h
                tenants = t1, t2
                search_path = {tenant}, shared
                two_phase = yes
                max_connections = 2
                concurrency = 3
                transaction_per_migration = false
                create_schema = on
                strategy = com.example.MyStrategy
                lock_wait = 5
                fleet_ledger = drover_meta
                x.Owner = Ops Team
                """).section("drover");

        assertThat(s.scriptLocation()).isEqualTo(Path.of("/opt/scripts"));
        assertThat(s.versionLocations()).containsExactly(dir.toAbsolutePath().resolve("a").normalize(),
                dir.toAbsolutePath().resolve("b").normalize(), dir.toAbsolutePath().resolve("c").normalize());
        assertThat(s.fileTemplate()).isEqualTo("%(year)d_%(rev)s_%(slug)s");
        assertThat(s.truncateSlugLength()).isEqualTo(20);
        assertThat(s.versionTable()).isEqualTo("v");
        assertThat(s.versionTableSchema()).isEqualTo("meta");
        assertThat(s.historyTable()).isEqualTo("h");
        assertThat(s.tenants()).isEqualTo(new TenantSource.Listed(List.of("t1", "t2"), at(dir, 12)));
        assertThat(s.searchPath()).isEqualTo("{tenant}, shared");
        assertThat(s.twoPhase()).isTrue();
        assertThat(s.maxConnections()).isEqualTo(2);
        assertThat(s.transactionPerMigration()).isFalse();
        assertThat(s.createSchema()).isTrue();
        assertThat(s.strategy()).isEqualTo("com.example.MyStrategy");
        assertThat(s.lockWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.fleetLedger()).isEqualTo("drover_meta");
        assertThat(s.placeholders()).containsExactly(Map.entry("Owner", "Ops Team"));
    }

    @Test
    void theFleetLedgerDefaultsToPublicOnPostgresAndCanBeTurnedOff() {
        assertThat(load(dir, "[drover]\nurl = jdbc:postgresql://db/app\n").section("drover").fleetLedger()).isEqualTo("public");
        assertThat(load(dir, "[drover]\nurl = jdbc:postgresql://db/app\nfleet_ledger = off\n").section("drover")
                .fleetLedger()).isNull();
        assertThat(load(dir, "[drover]\nurl = jdbc:mariadb://db/app\nfleet_ledger = meta\n").section("drover")
                .fleetLedger()).isNull();
        assertThatThrownBy(() -> load(dir, "[drover]\nurl = jdbc:postgresql://db/app\nfleet_ledger = a$b\n").section("drover"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("drover.ini:3").hasMessageContaining("fleet_ledger");
    }

    @Test
    void looksUpSectionThenDefaultThenDrover() {
        Registry registry = load(dir, """
                [drover]
                databases = a, b
                version_table = from_drover
                history_table = hist_drover
                max_connections = 9

                [DEFAULT]
                version_table = from_default
                max_connections = 7

                [a]
                url = jdbc:h2:mem:a
                max_connections = 1

                [b]
                url = jdbc:h2:mem:b
                """);

        DatabaseSection a = registry.section("a");
        DatabaseSection b = registry.section("b");
        assertThat(a.maxConnections()).isEqualTo(1);
        assertThat(b.maxConnections()).isEqualTo(7);
        assertThat(a.versionTable()).isEqualTo("from_default");
        assertThat(b.historyTable()).isEqualTo("hist_drover");
    }

    @Test
    void interpolatesHereReferencesAndPercentEscapes() {
        DatabaseSection s = load(dir, """
                [DEFAULT]
                base = %(here)s/scripts
                [drover]
                url = jdbc:h2:mem:x
                script_location = %(base)s/main
                tenants = query: SELECT name FROM t WHERE name LIKE 'tenant%' AND x = '100%%'
                """).section("drover");

        assertThat(s.scriptLocation()).isEqualTo(dir.toAbsolutePath().resolve("scripts/main").normalize());
        assertThat(((TenantSource.FromQuery) s.tenants()).sql())
                .isEqualTo("SELECT name FROM t WHERE name LIKE 'tenant%' AND x = '100%'");
    }

    @Test
    void unknownPercentReferenceNamesTheLineAndTheEscape() {
        Registry registry = load(dir, "[drover]\nurl = jdbc:h2:mem:x\nfile_template = %(rev)s_%(slug)s\n");

        assertThatThrownBy(() -> registry.section("drover")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(at(dir, 3) + ": 'file_template' refers to '%(rev)s'")
                .hasMessageEndingWith("write '%%(rev)s' for a literal '%(rev)s'");
    }

    @Test
    void resolvesEnvironmentVariablesWithDefaults() {
        DatabaseSection s = load(dir, """
                [drover]
                url = jdbc:postgresql://${env:HOST:-localhost}:${env:PORT}/app
                user = ${env:USER_NAME:-anonymous}
                """, Map.of("PORT", "5433")).section("drover");

        assertThat(s.url()).isEqualTo("jdbc:postgresql://localhost:5433/app");
        assertThat(s.user()).isEqualTo("anonymous");
    }

    @Test
    void missingEnvironmentVariableNamesFileLineKeyAndVariableButNoValue() {
        Registry registry = load(dir, """
                [drover]
                databases = app

                [app]
                url = jdbc:postgresql://${env:HOST}/app?user=u&password=${env:PW}
                """, Map.of("PW", "TopSecret"));

        assertThatThrownBy(() -> registry.section("app")).isInstanceOf(ConfigException.class)
                .hasMessage(at(dir, 5) + ": 'url' uses environment variable 'HOST', which is not set; "
                        + "export HOST or write ${env:HOST:-default}")
                .hasMessageNotContaining("TopSecret");
    }

    @Test
    void environmentValuesAreNotInterpolatedAgain() {
        DatabaseSection s = load(dir, "[drover]\nurl = jdbc:h2:mem:x\npassword = ${env:PW}\n",
                Map.of("PW", "a%(here)s${env:X}%%")).section("drover");

        assertThat(s.password().reveal()).isEqualTo("a%(here)s${env:X}%%");
    }

    @Test
    void wrongTypesNameFileLineAndTheFix() {
        Registry registry = load(dir, """
                [drover]
                databases = app
                [app]
                url = jdbc:h2:mem:x
                two_phase = maybe
                """);
        assertThatThrownBy(() -> registry.section("app")).isInstanceOf(ConfigException.class)
                .hasMessage(at(dir, 5) + ": 'two_phase' (read for section [app]) must be true or false, got 'maybe'; write true or false");

        assertThatThrownBy(() -> load(dir, "[drover]\nconcurrency = lots\nurl = jdbc:h2:mem:x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(at(dir, 2) + ": 'concurrency'")
                .hasMessageContaining("got 'lots'");
        Registry zero = load(dir, "[drover]\nurl = jdbc:h2:mem:x\nmax_connections = 0\n");
        assertThatThrownBy(() -> zero.section("drover")).hasMessageStartingWith(at(dir, 3) + ": 'max_connections'");
    }

    @Test
    void inheritedErrorsPointAtTheLineWhereTheValueIsWritten() {
        Registry registry = load(dir, """
                [drover]
                databases = app
                [DEFAULT]
                lock_wait = soon
                [app]
                url = jdbc:h2:mem:x
                """);

        assertThatThrownBy(() -> registry.targets(Selection.all())).hasMessageStartingWith(at(dir, 4) + ": 'lock_wait'");
    }

    @Test
    void sectionWithoutUrlNamesItsHeaderLine() {
        Registry registry = load(dir, "[drover]\ndatabases = app\n\n[app]\nuser = x\n");

        assertThatThrownBy(() -> registry.section("app")).isInstanceOf(ConfigException.class)
                .hasMessage(at(dir, 4) + ": section [app] has no 'url'; add 'url = jdbc:...' to [app] (or to [DEFAULT])");
    }

    @Test
    void databasesNamingAMissingSectionIsAnError() {
        assertThatThrownBy(() -> load(dir, "[drover]\n\ndatabases = app, ghost\n[app]\nurl = jdbc:h2:mem:x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(at(dir, 3) + ": 'databases' names section 'ghost', which does not exist in drover.ini; "
                        + "add a [ghost] section or remove it from 'databases'");
    }

    @Test
    void missingFileSuggestsInitOrDashC() {
        assertThatThrownBy(() -> Registry.load(dir.resolve("nope.ini"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.ini' not found")
                .hasMessageContaining("'drover init DIR'")
                .hasMessageContaining("'-c FILE'");
    }

    @Test
    void unsupportedUrlNamesSectionAndPrefixes() {
        Registry registry = load(dir, "[drover]\ndatabases = ora\n[ora]\nurl = jdbc:oracle:thin:@h:1521/x\n");

        assertThatThrownBy(() -> registry.section("ora")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(at(dir, 4) + ": the url of section [ora] is not a supported JDBC URL")
                .hasMessageEndingWith(Dialect.SUPPORTED_PREFIXES);
        assertThat(load(dir, "[drover]\nurl = jdbc:mysql://h/db\n").section("drover").dialect()).isEqualTo(Dialect.MARIADB);
    }

    @Test
    void unknownKeysAndIgnoredSectionsAreWarningsWithLines() {
        Registry registry = load(dir, """
                stray = 1
                [drover]
                databases = app
                colour = blue
                [app]
                url = jdbc:h2:mem:x
                sqlalchemy.url = postgresql://
                concurrency = 3
                [other]
                url = jdbc:h2:mem:y
                [loggers]
                keys = root
                """);

        assertThat(registry.warnings()).extracting(ConfigWarning::where)
                .containsExactly(at(dir, 1), at(dir, 4), at(dir, 7), at(dir, 8), at(dir, 9));
        assertThat(registry.warnings().get(2).message()).startsWith("unknown key 'sqlalchemy.url' in [app]");
        assertThat(registry.warnings().get(3).message()).contains("only read in [drover]");
        assertThat(registry.warnings().get(4).message()).startsWith("section [other] is not listed in 'databases'");
    }

    @Test
    void repeatedKeysAndSectionsAreErrors() {
        assertThatThrownBy(() -> load(dir, "[drover]\nurl = jdbc:h2:mem:x\nurl = jdbc:h2:mem:y\n"))
                .hasMessage(at(dir, 3) + ": key 'url' appears more than once in section [drover] (first at line 2);"
                        + " keep one of them");
        assertThatThrownBy(() -> load(dir, "[drover]\nurl = jdbc:h2:mem:x\n[drover]\n"))
                .hasMessageStartingWith(at(dir, 3) + ": section [drover] appears twice");
    }

    /** Commons Configuration took the '=' before the first quote as the separator and lost the key. */
    @Test
    void aValueMayHoldEqualsSignsQuotesAndColons() {
        DatabaseSection s = load(dir, "[drover]\nurl = jdbc:postgresql://db/app\n"
                + "tenants = query: SELECT nspname FROM pg_namespace WHERE owner = 'app' AND x:y = 1 ; why\n").section("drover");

        assertThat(s.tenants()).isEqualTo(new TenantSource.FromQuery(
                "SELECT nspname FROM pg_namespace WHERE owner = 'app' AND x:y = 1", at(dir, 3)));
    }

    @Test
    void quotedValuesKeepCommentCharactersAndValuesContinueAfterABackslash() {
        DatabaseSection s = load(dir, "[drover]\nurl = jdbc:postgresql://db/app\npassword = \"a ;b \\\" c\" ; comment\n"
                + "tenants = a, \\\n    b\n").section("drover");

        assertThat(s.password().reveal()).isEqualTo("a ;b \" c");
        assertThat(s.tenants()).isEqualTo(new TenantSource.Listed(List.of("a", "b"), at(dir, 4)));
    }

    @Test
    void aBrokenLineIsNamedWithItsFileAndLine() {
        assertThatThrownBy(() -> load(dir, "[drover\nurl = jdbc:h2:mem:x\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(at(dir, 1) + ": '[drover' is not a section header")
                .hasMessageContaining("no closing ']'");
        assertThatThrownBy(() -> load(dir, "[drover]\nurl = jdbc:h2:mem:x\njust words\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(at(dir, 3) + ": 'just words' is neither");
    }

    @Test
    void withoutDatabasesEveryOtherSectionIsADatabaseInFileOrder() {
        Registry registry = load(dir, "[DEFAULT]\nuser = u\n[zeta]\nurl = jdbc:h2:mem:z\n[alpha]\nurl = jdbc:h2:mem:a\n");

        assertThat(registry.sectionNames()).containsExactly("zeta", "alpha");
        assertThat(registry.section("alpha").user()).isEqualTo("u");
    }

    @Test
    void urlAndDatabasesTogetherOrNeitherAreErrors() {
        assertThatThrownBy(() -> load(dir, "[drover]\nurl = jdbc:h2:mem:x\ndatabases = a\n[a]\nurl = jdbc:h2:mem:a\n"))
                .hasMessageStartingWith(at(dir, 3) + ": [drover] has both 'url' and 'databases'");
        assertThatThrownBy(() -> load(dir, "[drover]\nconcurrency = 2\n"))
                .hasMessageStartingWith(at(dir, 1) + ": no database is configured");
    }

    @Test
    void aBrokenSectionDoesNotStopTheOthers() {
        Registry registry = load(dir, """
                [drover]
                databases = good, bad
                [good]
                url = jdbc:h2:mem:good
                [bad]
                url = jdbc:h2:mem:bad
                password = ${env:BAD_PASSWORD}
                """);

        assertThat(registry.targets(Selection.names("good")).targets()).extracting(RegistryTarget::key).containsExactly("good");
        assertThatThrownBy(() -> registry.targets(Selection.all())).hasMessageContaining("'BAD_PASSWORD'");
    }

    @Test
    void tenantTemplateInUrlNeedsTenants() {
        Registry registry = load(dir, "[drover]\nurl = jdbc:mariadb://h/{tenant}\n");

        assertThatThrownBy(() -> registry.section("drover"))
                .hasMessageStartingWith(at(dir, 2) + ": the url of section [drover] contains '{tenant}' but the section has no 'tenants'");
    }

    @Test
    void quotedValuesKeepSemicolons() {
        DatabaseSection s = load(dir, "[drover]\nurl = jdbc:h2:mem:x\npassword = \"a ;b\"\nuser = bob ; a comment\n").section("drover");

        assertThat(s.password().reveal()).isEqualTo("a ;b");
        assertThat(s.user()).isEqualTo("bob");
    }
}
