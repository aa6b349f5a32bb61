package dev.drover.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Opens a file for editing ({@code drover edit}). */
@FunctionalInterface
public interface Editor {

    /**
     * Opens {@code file} and waits until the editor exits.
     *
     * @return the editor's exit status
     * @throws IOException if the editor cannot be started
     */
    int open(Path file) throws IOException, InterruptedException;

    /** The editor named by {@code $VISUAL} or {@code $EDITOR} (Alembic's order), else {@code vi}. */
    static Editor fromEnvironment(Map<String, String> env) {
        return file -> {
            String command = env.getOrDefault("VISUAL", env.getOrDefault("EDITOR", "vi"));
            List<String> argv = new ArrayList<>(List.of(command.trim().split("\\s+")));
            argv.add(file.toString());
            return new ProcessBuilder(argv).inheritIO().start().waitFor();
        };
    }
}
