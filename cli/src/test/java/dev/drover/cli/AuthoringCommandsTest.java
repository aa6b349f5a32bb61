package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script-only commands as a new user meets them: init a multitenant project, add revisions,
 * start a labelled second root, merge, and read the graph back with heads, branches, history and show.
 */
class AuthoringCommandsTest {

    private static final Pattern GENERATED = Pattern.compile("Generating (\\S+) \\.\\.\\.  done");

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void initProject() {
        cli = new CliRun(tmp);
        CliRun.Result init = cli.run("init", "demo", "--template", "multitenant");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(tmp.resolve("demo/drover.ini")).exists();
        assertThat(tmp.resolve("demo/migrations/versions/1a2b3c4d5e6f_create_accounts.sql")).exists();
    }

    @Test
    void initRefusesANonEmptyDirectoryAndUnknownTemplates() {
        CliRun.Result again = cli.run("init", "demo");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists and is not empty");

        CliRun.Result unknown = cli.run("init", "other", "--template", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("'nope'").contains("'multitenant'");
    }

    @Test
    void listTemplatesNamesAllThree() {
        CliRun.Result list = cli.run("list-templates");
        assertThat(list.out()).contains("generic - ").contains("multidb - ").contains("multitenant - ");
    }

    @Test
    void revisionsBranchesAndMergeReadBackLikeAlembic() throws IOException {
        String a = revision("add accounts");
        String b = revision("add accounts");
        String c = revision("add accounts");
        assertThat(header(a, "down_revision")).isEqualTo("2b3c4d5e6f7a");
        assertThat(header(b, "down_revision")).isEqualTo(a);
        assertThat(header(c, "down_revision")).isEqualTo(b);
        assertThat(fileOf(a).getFileName().toString()).isEqualTo(a + "_add_accounts.sql");

        String reporting = revision("reporting base", "--head", "base", "--branch-label", "reporting");
        assertThat(header(reporting, "down_revision")).isEmpty();
        assertThat(header(reporting, "branch_labels")).isEqualTo("reporting");

        CliRun.Result heads = ok("heads");
        assertThat(heads.out().lines()).containsExactlyInAnyOrder(c + " (head)", reporting + " (reporting) (head)");

        CliRun.Result ambiguous = cli.run("-c", "demo/drover.ini", "revision", "-m", "where");
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("Multiple heads").contains("drover merge");

        String merge = generated(ok("merge", "heads", "-m", "merge reporting"));
        assertThat(header(merge, "down_revision").split(",\\s*")).containsExactlyInAnyOrder(c, reporting);
        // As in Alembic, the merge revision inherits the label of the branch it closes.
        assertThat(ok("heads").out().strip()).isEqualTo(merge + " (reporting) (head)");

        String history = ok("history").out();
        assertThat(history.lines().findFirst().orElseThrow()).endsWith(" -> " + merge + " (reporting) (head) (mergepoint), merge reporting");
        assertThat(history).contains("<base> -> 1a2b3c4d5e6f, create accounts");
        assertThat(history).contains("<base> -> " + reporting + " (reporting), reporting base");
        assertThat(history).contains(a + " -> " + b + ", add accounts");

        String verbose = ok("history", "--verbose").out();
        assertThat(verbose).contains("Rev: " + merge + " (head) (mergepoint)").contains("Merges: ")
                .contains("Revision ID: " + a).contains("Path: ");

        String show = ok("show", a.substring(0, 6)).out();
        assertThat(show).startsWith("Rev: " + a + "\n").contains("Parent: 2b3c4d5e6f7a").contains("    add accounts");
    }

    @Test
    void spliceMakesABranchPointThatBranchesShows() {
        String a = revision("first");
        String b = revision("second");
        CliRun.Result notHead = cli.run("-c", "demo/drover.ini", "revision", "-m", "side", "--head", a);
        assertThat(notHead.exitCode()).isEqualTo(2);
        assertThat(notHead.err()).contains("'" + a + "' is not a head").contains("--splice");

        String side = revision("side", "--head", a, "--splice");
        String branches = ok("branches").out();
        assertThat(branches).contains(a + " (branchpoint)");
        assertThat(branches).contains(" -> " + b).contains(" -> " + side);
    }

    @Test
    void editOpensTheResolvedScriptInTheEditor() {
        String a = revision("to edit");
        ok("edit", a.substring(0, 5));
        assertThat(cli.edited).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).startsWith(a));
    }

    @Test
    void unknownRevisionIsAConfigurationErrorNamingIt() {
        CliRun.Result show = cli.run("-c", "demo/drover.ini", "show", "ffff");
        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(show.err()).contains("'ffff'");
    }

    @Test
    void missingConfigurationSaysHowToCreateOne() {
        CliRun.Result heads = cli.run("-c", "nowhere.ini", "heads");
        assertThat(heads.exitCode()).isEqualTo(2);
        assertThat(heads.err()).contains("nowhere.ini").contains("drover init");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"init", "list-templates", "revision", "merge", "heads", "branches",
                "history", "show", "edit", "targets", "current", "status", "check", "drift", "upgrade", "downgrade", "stamp",
                "recover"}) {
            CliRun.Result help = cli.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: drover " + command);
        }
    }

    private String revision(String message, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("revision", "-m", message));
        args.addAll(java.util.List.of(extra));
        return generated(ok(args.toArray(String[]::new)));
    }

    private CliRun.Result ok(String... args) {
        String[] withConfig = new String[args.length + 2];
        withConfig[0] = "-c";
        withConfig[1] = "demo/drover.ini";
        System.arraycopy(args, 0, withConfig, 2, args.length);
        CliRun.Result result = cli.run(withConfig);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private String generated(CliRun.Result result) {
        Matcher m = GENERATED.matcher(result.out());
        assertThat(m.find()).as(result.toString()).isTrue();
        String file = Path.of(m.group(1)).getFileName().toString();
        return file.substring(0, file.indexOf('_'));
    }

    private Path fileOf(String rev) throws IOException {
        try (var files = Files.list(tmp.resolve("demo/migrations/versions"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(rev + "_")).findFirst().orElseThrow();
        }
    }

    private String header(String rev, String key) throws IOException {
        return Files.readAllLines(fileOf(rev)).stream()
                .filter(l -> l.startsWith("-- " + key + ":"))
                .map(l -> l.substring(("-- " + key + ":").length()).strip())
                .findFirst().orElse("");
    }
}
