package dev.drover.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What the commands take from the outside world, in one injectable bean so tests can run the
 * whole CLI in-process with their own streams, environment, clock and randomness.
 *
 * @param out    standard output
 * @param err    standard error
 * @param env    environment variables ({@code DROVER_CONFIG}, {@code EDITOR}, {@code ${env:..}} values)
 * @param cwd    the working directory that relative paths resolve against
 * @param clock  the clock for {@code create_date}
 * @param random the source of new revision ids
 * @param editor opens a file in the user's editor
 * @param terminal whether stderr is a terminal (the progress line rewrites itself in place)
 */
public record CliEnvironment(
        PrintWriter out,
        PrintWriter err,
        Map<String, String> env,
        Path cwd,
        Clock clock,
        RandomGenerator random,
        Editor editor,
        boolean terminal) {

    /** The real process environment. */
    public static CliEnvironment system() {
        return new CliEnvironment(
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                System.getenv(),
                Path.of("").toAbsolutePath(),
                Clock.systemDefaultZone(),
                new java.security.SecureRandom(),
                Editor.fromEnvironment(System.getenv()),
                System.console() != null);
    }
}
