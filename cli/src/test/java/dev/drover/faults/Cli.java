package dev.drover.faults;

import dev.drover.cli.CliEnvironment;
import dev.drover.cli.DroverCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Runs the CLI in-process with captured output, the way a user would type the commands. */
final class Cli {

    final Path cwd;
    final Map<String, String> env = new HashMap<>();

    Cli(Path cwd) {
        this.cwd = cwd;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), env, cwd,
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), new SplittableRandom(42),
                file -> 0, false);
        int code = DroverCli.run(args, environment);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes a file relative to the working directory, creating its parents. */
    Path write(String relative, String text) throws IOException {
        Path file = cwd.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A revision script with one upgrade and (optionally) one downgrade section. */
    static String script(String rev, String down, String upgrade, String downgrade) {
        return "-- revision: " + rev + "\n-- down_revision: " + down + "\n\n-- drover:upgrade\n" + upgrade + "\n"
                + (downgrade == null ? "" : "\n-- drover:downgrade\n" + downgrade + "\n");
    }

    /** One command's outcome. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
