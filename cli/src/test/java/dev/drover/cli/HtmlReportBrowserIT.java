package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.report.HtmlReport;
import dev.drover.orchestrator.report.JsonSchemaSubset;
import dev.drover.orchestrator.report.ReportJson;
import dev.drover.orchestrator.report.RunReport;
import dev.drover.orchestrator.report.SyntheticReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser (headless Chromium): the page the CLI writes for a run is loaded, its
 * script draws the timeline, and what the browser shows (summary counts, a bar per started target, the failures
 * with revision, line and SQLSTATE) must equal the JSON report of the same run. A screenshot is left in
 * {@code cli/target/browser/report.png} (CI prints its path). A 10,000-target page must draw every bar.
 */
class HtmlReportBrowserIT {

    static final Path OUTPUT = Path.of("target", "browser");

    @TempDir
    Path dir;

    @BeforeAll
    static void chromium() throws IOException {
        Chromium.require();
        Files.createDirectories(OUTPUT);
    }

    @Test
    void theBrowserShowsWhatTheJsonReportSays() throws Exception {
        CliRun cli = new CliRun(dir);
        assertThat(cli.run("init", "demo", "--template", "multitenant").exitCode()).isZero();
        Path ini = dir.resolve("demo/drover.ini");
        Files.writeString(ini, Files.readString(ini).replace("tenants = acme, globex, initech",
                "tenants = acme, globex, initech, umbrella, hooli, piedpiper, wonka, stark"));
        // Divides by zero only where the tenant's name has 6 letters: 'globex' fails, the others go on.
        Files.writeString(dir.resolve("demo/migrations/versions/3c4d5e6f7a8b_check.sql"), """
                -- revision: 3c4d5e6f7a8b
                -- down_revision: 2b3c4d5e6f7a
                -- message: check

                -- drover:upgrade
                CREATE TABLE checked (id INT);
                INSERT INTO checked VALUES (1 / (LENGTH('${tenant}') - 6));

                -- drover:downgrade
                DROP TABLE checked;
                """);

        CliRun.Result run = cli.run("-c", "demo/drover.ini", "--format", "json", "upgrade", "head",
                "--canary", "1", "--wave-size", "3", "--continue-on-error", "--report", "run.html");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        RunReport json = ReportJson.read(run.out());
        assertThat(JsonSchemaSubset.reportSchema().validate(run.out())).as("docs/report.schema.json").isEmpty();

        String dom = Chromium.dumpDom(dir.resolve("run.html"));
        RunReport.Summary s = json.summary();
        assertThat(count(dom, "targets")).isEqualTo(s.targets()).isEqualTo(8);
        assertThat(count(dom, "succeeded")).isEqualTo(s.succeeded()).isEqualTo(7);
        assertThat(count(dom, "failed")).isEqualTo(s.failed()).isEqualTo(1);
        assertThat(count(dom, "skipped")).isEqualTo(s.skipped());
        long started = json.targets().stream().filter(t -> t.startMs() != null).count();
        assertThat(matches(dom, "<rect class=\"bar ")).hasSize((int) started);
        assertThat(matches(dom, "<rect class=\"bar failed\"")).hasSize(1);
        assertThat(dom).contains("canary").contains("wave 1").contains("wave 2").contains("wave 3");

        RunReport.Target failed = json.targets().stream().filter(t -> t.error() != null).findFirst().orElseThrow();
        assertThat(failed.key()).isEqualTo("app/globex");
        List<String> row = cells(dom, "failures").get(0);
        assertThat(row).startsWith(failed.key(), "failed", failed.error().revision(),
                String.valueOf(failed.error().statement()), String.valueOf(failed.error().line()),
                failed.error().sqlState());
        assertThat(failed.error().sqlState()).isEqualTo("22012");

        RunReport.Target slowest = json.targets().stream().filter(t -> t.startMs() != null)
                .max(java.util.Comparator.comparingLong(RunReport.Target::durationMs)).orElseThrow();
        Matcher firstSlowest = Pattern.compile("<table id=\"slowest\".*?data-ms=\"(\\d+)\"", Pattern.DOTALL)
                .matcher(dom);
        assertThat(firstSlowest.find()).isTrue();
        assertThat(Long.parseLong(firstSlowest.group(1))).isEqualTo(slowest.durationMs());

        Path screenshot = Chromium.screenshot(dir.resolve("run.html"), OUTPUT.resolve("report.png"));
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        System.out.println("report screenshot: " + screenshot.toAbsolutePath());
    }

    @Test
    void aReportFormatIsCheckedBeforeTheRun() {
        CliRun cli = new CliRun(dir);
        assertThat(cli.run("init", "demo", "--template", "multitenant").exitCode()).isZero();
        CliRun.Result unknown = cli.run("-c", "demo/drover.ini", "upgrade", "--report", "r.out", "--report-format", "xml");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("report format 'xml' is not known");
        CliRun.Result alone = cli.run("-c", "demo/drover.ini", "upgrade", "--report-format", "html");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--report-format html needs --report FILE");
        assertThat(cli.run("-c", "demo/drover.ini", "current").out()).as("nothing ran").doesNotContain("(head)");

        CliRun.Result named = cli.run("-c", "demo/drover.ini", "upgrade", "--report", "r.out", "--report-format", "html");
        assertThat(named.exitCode()).as(named.toString()).isZero();
        assertThat(dir.resolve("r.out")).content().startsWith("<!DOCTYPE html>");
    }

    @Test
    void statusShowsTheFleetByRevision() throws Exception {
        CliRun cli = new CliRun(dir);
        assertThat(cli.run("init", "demo", "--template", "multitenant").exitCode()).isZero();
        assertThat(cli.run("-c", "demo/drover.ini", "--tenant", "acme", "upgrade", "1a2b3c4d5e6f").exitCode()).isZero();
        CliRun.Result status = cli.run("-c", "demo/drover.ini", "status", "--report", "status.html");
        assertThat(status.exitCode()).as(status.toString()).isZero();

        String dom = Chromium.dumpDom(dir.resolve("status.html"));
        assertThat(count(dom, "targets")).isEqualTo(3);
        assertThat(count(dom, "unhealthy")).isEqualTo(3);
        assertThat(cells(dom, "by-revision")).extracting(r -> r.get(0) + "=" + r.get(1))
                .containsExactly("1a2b3c4d5e6f=1", "base=2");
    }

    /** Usable at 10,000 targets: the page stays a few MB and the browser draws every bar. */
    @Test
    void tenThousandTargetsAreAllDrawn() throws Exception {
        RunReport big = SyntheticReports.fleet(10_000, 20, 8);
        Path page = dir.resolve("big.html");
        Files.writeString(page, HtmlReport.render(big));
        long started = System.nanoTime();
        String dom = Chromium.dumpDom(page);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(matches(dom, "<rect class=\"bar ")).hasSize(10_000);
        assertThat(count(dom, "failed")).isEqualTo(big.summary().failed());
        System.out.printf("10,000 targets: %d bytes, loaded and drawn by headless Chromium in %d ms%n",
                Files.size(page), ms);
    }

    static int count(String dom, String name) {
        Matcher m = Pattern.compile("<td data-count=\"" + name + "\">(\\d+)</td>").matcher(dom);
        assertThat(m.find()).as("count '%s' on the page", name).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static List<String> matches(String dom, String text) {
        List<String> found = new ArrayList<>();
        for (int at = dom.indexOf(text); at >= 0; at = dom.indexOf(text, at + 1)) {
            found.add(text);
        }
        return found;
    }

    /** The text of each data row's cells of table {@code id} (the header row left out). */
    static List<List<String>> cells(String dom, String id) {
        int start = dom.indexOf("<table id=\"" + id + "\"");
        assertThat(start).as("table '%s' on the page", id).isNotNegative();
        String table = dom.substring(start, dom.indexOf("</table>", start));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            if (row.group(1).contains("<th")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">")
                        .replace("&amp;", "&"));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Headless Chromium (Debian's {@code chromium}), run as a user would open the file. */
    static final class Chromium {

        static void require() {
            if (find() == null) {
                String message = "the HTML report's browser test needs Chromium; install it with "
                        + "'apt-get install -y chromium' (.ci/run does)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    org.junit.jupiter.api.Assertions.fail(message + " (CI=true turns this skip into a failure)");
                }
                org.junit.jupiter.api.Assumptions.abort(message);
            }
        }

        static String find() {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                    if (Files.isExecutable(Path.of(dir, name))) {
                        return Path.of(dir, name).toString();
                    }
                }
            }
            return null;
        }

        /** The DOM after the page's scripts ran. */
        static String dumpDom(Path page) throws IOException, InterruptedException {
            return run(page, "--dump-dom");
        }

        static Path screenshot(Path page, Path png) throws IOException, InterruptedException {
            run(page, "--window-size=1280,900", "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath());
            return png;
        }

        private static String run(Path page, String... args) throws IOException, InterruptedException {
            Path profile = Files.createTempDirectory("drover-chromium");
            List<String> command = new ArrayList<>(List.of(find(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--user-data-dir=" + profile));
            command.addAll(List.of(args));
            command.add(page.toUri().toString());
            Path out = Files.createTempFile("drover-chromium", ".out");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within 120 s: " + command);
            }
            assertThat(process.exitValue()).as("chromium exit code for %s", command).isZero();
            return Files.readString(out);
        }
    }
}
