package dev.drover.cli;

import dev.drover.cli.app.DroverCli;
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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs the whole CLI in-process with captured output, a fixed clock, seeded ids and a recording
 * editor, the way a user would type the commands; the one harness of the CLI and fault tests.
 */
public final class CliRun {

    public final Path cwd;
    public final Map<String, String> env = new HashMap<>();
    public final List<Path> edited = new CopyOnWriteArrayList<>();
    public Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final SplittableRandom random = new SplittableRandom(42);

    public CliRun(Path cwd) {
        this.cwd = cwd;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                env, cwd, clock, random, file -> {
                    edited.add(file);
                    return 0;
                }, false);
        int code = DroverCli.run(args, environment);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes a file relative to the working directory, creating its parents. */
    public Path write(String relative, String text) throws IOException {
        Path file = cwd.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A revision script with one upgrade and (optionally) one downgrade section. */
    public static String script(String rev, String down, String upgrade, String downgrade) {
        return "-- revision: " + rev + "\n-- down_revision: " + down + "\n\n-- drover:upgrade\n" + upgrade + "\n"
                + (downgrade == null ? "" : "\n-- drover:downgrade\n" + downgrade + "\n");
    }

    /** One command's outcome. */
    public record Result(int exitCode, String out, String err) {
        /** Standard output and standard error together. */
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
