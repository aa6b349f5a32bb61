package dev.drover.cli.app;

import dev.drover.cli.CliEnvironment;
import dev.drover.cli.Editor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the common commands once on a throw-away embedded fleet, output discarded, so that the
 * {@code ./drover} launcher can record a class-data-sharing archive (JDK AppCDS) of the classes a
 * real run loads: {@code java -XX:ArchiveClassesAtExit=... -cp drover.jar dev.drover.cli.StartupTraining}.
 * It touches nothing outside a temporary directory and exits 0 even if a command fails (a missing
 * class only makes the archive less complete).
 */
public final class StartupTraining {

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("drover-training");
        try {
            train(dir);
        } finally {
            delete(dir);
        }
    }

    /** Runs the commands in {@code dir} and returns their exit codes, in order. */
    static List<Integer> train(Path dir) {
        List<Integer> exitCodes = new ArrayList<>();
        for (List<String> command : List.of(
                List.of("init", "fleet", "--template", "multitenant"),
                List.of("-c", "fleet/drover.ini", "targets"),
                List.of("-c", "fleet/drover.ini", "upgrade", "head", "--report", "report.json"),
                List.of("-c", "fleet/drover.ini", "status"),
                List.of("-c", "fleet/drover.ini", "check"),
                List.of("-c", "fleet/drover.ini", "current"),
                List.of("-c", "fleet/drover.ini", "history"),
                List.of("-c", "fleet/drover.ini", "--format", "json", "downgrade", "base", "--dry-run"),
                List.of("-c", "fleet/drover.ini", "upgrade", "base:head", "--sql"))) {
            exitCodes.add(DroverCli.run(command.toArray(String[]::new), silent(dir)));
        }
        for (String driver : List.of("org.postgresql.Driver", "org.mariadb.jdbc.Driver")) {
            try {
                Class.forName(driver);
            } catch (ClassNotFoundException e) {
                // not on this class path: nothing to record
            }
        }
        return exitCodes;
    }

    private static CliEnvironment silent(Path cwd) {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true);
        return new CliEnvironment(nowhere, nowhere, Map.of(), cwd, Clock.systemDefaultZone(),
                new java.security.SecureRandom(), Editor.fromEnvironment(Map.of()), false);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
