package dev.drover.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
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
 * editor, the way a user would type the commands.
 */
final class CliRun {

    final Path cwd;
    final Map<String, String> env = new HashMap<>();
    final List<Path> edited = new CopyOnWriteArrayList<>();
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final SplittableRandom random = new SplittableRandom(42);

    CliRun(Path cwd) {
        this.cwd = cwd;
    }

    Result run(String... args) {
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

    /** One command's outcome. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
