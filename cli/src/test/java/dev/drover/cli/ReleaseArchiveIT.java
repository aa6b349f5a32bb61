package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release a user installs ({@code cli/target/drover-VERSION.tar.gz}, built by {@code package}): unpacked in
 * a temporary directory, its {@code bin/drover} runs the README's quick start with nothing on the PATH but a
 * few shell tools and the JDK: no Maven, no checkout. The {@code .zip} holds the same files.
 */
class ReleaseArchiveIT {

    static final String VERSION = "0.1.0-SNAPSHOT";
    static final Path TARGET = Path.of("target");

    @TempDir
    Path dir;

    @Test
    void theUnpackedReleaseRunsTheQuickStartWithoutMaven() throws Exception {
        Path archive = TARGET.resolve("drover-" + VERSION + ".tar.gz");
        assertThat(archive).exists();
        assertThat(run(List.of("tar", "xzf", archive.toAbsolutePath().toString()), dir, System.getenv()).exitCode)
                .isZero();
        Path home = dir.resolve("drover-" + VERSION);
        assertThat(home.resolve("bin/drover")).isExecutable();
        assertThat(home.resolve("lib/drover.jar")).exists();

        Map<String, String> env = jdkOnly();
        assertThat(run(List.of("bash", "-c", "command -v mvn"), dir, env).exitCode).as("no Maven on the PATH")
                .isNotZero();
        String drover = home.resolve("bin/drover").toString();
        Result init = run(List.of(drover, "init", "demo", "--template", "multitenant"), dir, env);
        assertThat(init.exitCode).as(init.output).isZero();
        Result upgrade = run(List.of(drover, "-c", "demo/drover.ini", "upgrade", "head"), dir, env);
        assertThat(upgrade.exitCode).as(upgrade.output).isZero();
        assertThat(upgrade.output).contains("succeeded 3").contains("app/acme").doesNotContain("\u001b[");
        assertThat(home.resolve("lib/drover-cds.jsa")).as("the start-up archive recorded at the first run").exists();
        Result status = run(List.of(drover, "-c", "demo/drover.ini", "check"), dir, env);
        assertThat(status.exitCode).as(status.output).isZero();
    }

    @Test
    void theZipHoldsTheSameRelease() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(TARGET.resolve("drover-" + VERSION + ".zip").toFile())) {
            Collections.list(zip.entries()).forEach(e -> names.add(e.getName()));
        }
        String base = "drover-" + VERSION + "/";
        assertThat(names).contains(base + "bin/drover", base + "lib/drover.jar", base + "README.md",
                base + "docs/report.schema.json");
    }

    /** A PATH of the shell tools bin/drover uses and the JDK running this test; HOME in the temporary directory. */
    private Map<String, String> jdkOnly() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("path"));
        for (String tool : List.of("bash", "dirname", "basename", "mkdir", "mv", "rm", "env", "uname", "cat")) {
            for (String where : List.of("/usr/bin/", "/bin/")) {
                Path real = Path.of(where + tool);
                if (Files.isExecutable(real) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), real);
                }
            }
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        return Map.of("PATH", bin + ":" + javaBin, "HOME", dir.toString(), "LANG", "C.UTF-8");
    }

    record Result(int exitCode, String output) {}

    private static Result run(List<String> command, Path cwd, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
