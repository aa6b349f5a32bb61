package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drover lint} reads scripts and drover.ini only: the servers below do not exist. */
class LintCommandTest {

    @TempDir
    Path tmp;

    private CliRun project(String secondScript) throws Exception {
        Files.writeString(tmp.resolve("drover.ini"), """
                [drover]
                databases = pg, maria
                [DEFAULT]
                version_locations = %(here)s/versions
                [pg]
                url = jdbc:postgresql://127.0.0.1:9/nowhere
                [maria]
                url = jdbc:mariadb://127.0.0.1:9/nowhere
                """);
        Files.createDirectories(tmp.resolve("versions"));
        Files.writeString(tmp.resolve("versions/aaa001_a.sql"), "-- revision: aaa001\n-- down_revision:\n\n"
                + "-- drover:upgrade\nCREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(20));\n"
                + "CREATE INDEX accounts_name ON accounts (name);\n");
        Files.writeString(tmp.resolve("versions/bbb002_b.sql"), secondScript);
        return new CliRun(tmp);
    }

    private static final String DANGEROUS = "-- revision: bbb002\n-- down_revision: aaa001\n\n-- drover:upgrade\n"
            + "CREATE INDEX accounts_name2 ON accounts (name);\nALTER TABLE accounts MODIFY COLUMN name VARCHAR(40);\n";

    @Test
    void findsEachDialectsCasesWithFileLineWhyAndRewriteWithoutConnecting() throws Exception {
        CliRun.Result result = project(DANGEROUS).run("lint");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        String file = tmp.resolve("versions/bbb002_b.sql").toString();
        assertThat(result.out()).contains(file + ":5: create-index-not-concurrently (postgresql, upgrade of bbb002)")
                .contains(file + ":6: mariadb-modify-column (mariadb, upgrade of bbb002)")
                .contains("  why:  CREATE INDEX without CONCURRENTLY blocks every write to 'accounts'")
                .contains("  safe: CREATE INDEX CONCURRENTLY")
                .contains("lint: 2 finding(s)");
        // The index on the table created by the same script is not reported.
        assertThat(result.out()).doesNotContain("aaa001_a.sql");
    }

    @Test
    void aLintIgnoreWithAReasonSilencesTheRuleAndVerboseShowsIt() throws Exception {
        CliRun cli = project(DANGEROUS.replace("-- down_revision: aaa001\n", "-- down_revision: aaa001\n"
                + "-- lint_ignore: create-index-not-concurrently accounts holds a handful of rows per tenant\n"
                + "-- lint_ignore: mariadb-modify-column only widens the VARCHAR, checked with ALGORITHM=INSTANT\n"));

        CliRun.Result quiet = cli.run("lint");
        CliRun.Result verbose = cli.run("lint", "-v");

        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.out()).isEqualTo("lint: nothing found (2 silenced)\n");
        assertThat(verbose.out()).contains("create-index-not-concurrently silenced: accounts holds a handful of rows");
    }

    @Test
    void jsonListsEveryFindingWithItsFields() throws Exception {
        CliRun.Result result = project(DANGEROUS).run("lint", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("summary").get("findings").asInt()).isEqualTo(2);
        JsonNode first = json.get("findings").get(0);
        assertThat(first.get("rule").asText()).isEqualTo("create-index-not-concurrently");
        assertThat(first.get("line").asInt()).isEqualTo(5);
        assertThat(first.get("revision").asText()).isEqualTo("bbb002");
        assertThat(first.get("rewrite").asText()).contains("CONCURRENTLY");
        assertThat(first.get("silenced").isNull()).isTrue();
    }

    @Test
    void aLintIgnoreWithoutAReasonIsRefusedNamingTheLine() throws Exception {
        CliRun.Result result = project(DANGEROUS.replace("-- down_revision: aaa001\n",
                "-- down_revision: aaa001\n-- lint_ignore: create-index-not-concurrently\n")).run("lint");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bbb002_b.sql:3").contains("'lint_ignore' needs a rule id and a reason");
    }
}
