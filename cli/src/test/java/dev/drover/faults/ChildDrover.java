package dev.drover.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code dev.drover.cli.app.Main} in a child JVM, so it can run alongside others or be killed with SIGKILL. */
final class ChildDrover {

    private final Process process;
    private final Path output;

    private ChildDrover(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildDrover start(Path cwd, String name, String... args) throws IOException {
        return start(cwd, name, List.of(), Map.of(), args);
    }

    /** With JVM options (e.g. {@code -Ddrover.crashAt=...}) and extra environment variables. */
    static ChildDrover start(Path cwd, String name, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.drover.cli.app.Main"));
        command.addAll(List.of(args));
        Path output = cwd.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        return new ChildDrover(process, output);
    }

    /** Waits (bounded) for the exit code. */
    int exitCode(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("drover did not exit within " + limit + ": " + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
