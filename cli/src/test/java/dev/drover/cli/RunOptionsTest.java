package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of {@code upgrade}, {@code downgrade} and {@code stamp} as they reach the Java API, without a
 * database: refusals before anything opens (exit 2, naming the option), and {@code --sql} through the API's
 * streaming {@code offlineSql} (a header per target with its masked URL, the tag, one file per target).
 */
class RunOptionsTest {

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void initProject() {
        cli = new CliRun(tmp);
        assertThat(cli.run("init", "demo", "--template", "multitenant").exitCode()).isZero();
    }

    @Test
    void badRolloutOptionsAreRefusedBeforeAnyConnectionNamingTheOption() {
        assertRefused("--concurrency must be at least 1, got 0", "upgrade", "--concurrency", "0");
        assertRefused("--max-failures must not be negative, got -1", "upgrade", "--max-failures", "-1");
        assertRefused("--lock-wait must not be negative, got -5", "downgrade", "base", "--lock-wait", "-5");
        assertRefused("--lock-wait must not be negative, got -5", "repair", "--lock-wait", "-5");
        assertRefused("--tenants-file goes with --sql", "upgrade", "--tenants-file", "t.txt");
        assertRefused("choose another --tag", "stamp", "heads", "--tag", "not a tag");
        assertRefused("No target matches the selection; list them with 'drover targets'", "-t", "nosuch", "upgrade",
                "--sql");
        assertThat(tmp.resolve("demo/data")).as("no database was opened").doesNotExist();
    }

    @Test
    void offlineSqlStreamsEachTargetUnderAHeaderOrIntoItsOwnFile() throws Exception {
        CliRun.Result sql = cli.run("-c", "demo/drover.ini", "upgrade", "--sql", "--tag", "rel-9");
        assertThat(sql.exitCode()).as(sql.toString()).isZero();
        for (String tenant : new String[] {"acme", "globex", "initech"}) {
            assertThat(sql.out()).contains("-- ==== target 'app/" + tenant + "' (jdbc:h2:file:");
        }
        assertThat(sql.out()).contains("'rel-9:offline'");

        CliRun.Result files = cli.run("-c", "demo/drover.ini", "-t", "acme", "-t", "globex", "downgrade",
                "2b3c4d5e6f7a:base", "--sql", "--sql-dir", "out");
        assertThat(files.exitCode()).as(files.toString()).isZero();
        assertThat(files.err()).contains("Wrote 2 SQL file(s) to");
        assertThat(Files.readString(tmp.resolve("out/app__acme.sql"))).contains("DROP TABLE");
        assertThat(tmp.resolve("out/app__initech.sql")).doesNotExist();

        CliRun.Result one = cli.run("-c", "demo/drover.ini", "-t", "acme", "upgrade", "--sql");
        assertThat(one.out()).as("one target: no header").doesNotContain("-- ==== target");
        assertThat(tmp.resolve("demo/data")).as("--sql connects nowhere").doesNotExist();
    }

    private void assertRefused(String message, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = "demo/drover.ini";
        System.arraycopy(args, 0, all, 2, args.length);
        CliRun.Result result = cli.run(all);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(message);
    }
}
