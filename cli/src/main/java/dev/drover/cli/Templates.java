package dev.drover.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The project templates {@code drover init} can write, shipped as class-path resources under
 * {@code dev/drover/cli/templates/}: {@code index.txt} lists {@code name|description}, and each
 * template's {@code files.txt} lists its files (a trailing {@code /} marks an empty directory).
 */
public final class Templates {

    private static final String ROOT = "/dev/drover/cli/templates/";

    private Templates() {}

    /** A template's name and one-line description. */
    public record Template(String name, String description) {}

    /** Every template, in index order. */
    public static List<Template> all() {
        List<Template> templates = new ArrayList<>();
        for (String line : lines(ROOT + "index.txt")) {
            int bar = line.indexOf('|');
            templates.add(new Template(line.substring(0, bar), line.substring(bar + 1)));
        }
        return templates;
    }

    public static Optional<Template> find(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * Writes the template's files into {@code directory}, reporting each created path to {@code created}.
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void write(Template template, Path directory, java.util.function.Consumer<Path> created) {
        try {
            for (String entry : lines(ROOT + template.name() + "/files.txt")) {
                Path target = directory.resolve(entry);
                if (entry.endsWith("/")) {
                    createDirectories(target, created);
                } else {
                    createDirectories(target.getParent(), created);
                    Files.write(target, bytes(ROOT + template.name() + "/" + entry));
                    created.accept(target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write template '" + template.name() + "' into '" + directory
                    + "': " + e.getMessage() + "; check the directory's permissions", e);
        }
    }

    private static void createDirectories(Path dir, java.util.function.Consumer<Path> created) throws IOException {
        if (!Files.isDirectory(dir)) {
            createDirectories(dir.getParent(), created);
            Files.createDirectory(dir);
            created.accept(dir);
        }
    }

    private static List<String> lines(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template resource '" + resource + "' is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
