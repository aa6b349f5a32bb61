package dev.drover.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes INI files into a test directory and loads them with a fixed environment. */
final class IniFixture {

    private IniFixture() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Registry load(Path dir, String text) {
        return load(dir, text, Map.of());
    }

    static Registry load(Path dir, String text, Map<String, String> env) {
        return new RegistryLoader().env(env).discovery((section, query) -> {
            throw new AssertionError("no discovery expected");
        }).load(write(dir, "drover.ini", text));
    }

    /** {@code file:line} of the test's drover.ini. */
    static String at(Path dir, int line) {
        return dir.resolve("drover.ini").toAbsolutePath().normalize() + ":" + line;
    }
}
