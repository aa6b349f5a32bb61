package dev.drover.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void everyTrainingCommandSucceedsOnTheEmbeddedFleet() {
        // A failing command would leave its classes out of the launcher's start-up archive.
        assertThat(StartupTraining.train(tmp)).hasSize(9).containsOnly(0);
        assertThat(tmp.resolve("fleet/data")).isDirectory();
    }

    @Test
    void mainLeavesNoTemporaryDirectoryBehind() throws IOException {
        List<Path> before = trainingDirectories();

        StartupTraining.main(new String[0]);

        assertThat(trainingDirectories()).containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<Path> trainingDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("drover-training")).toList();
        }
    }
}
