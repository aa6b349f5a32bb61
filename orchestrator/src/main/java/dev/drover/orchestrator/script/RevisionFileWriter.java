package dev.drover.orchestrator.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes a new, empty migration script (Alembic's {@code revision} command). Stateless. */
public final class RevisionFileWriter {

    /** The {@code create_date} header format. */
    public static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * Writes {@code <versionDir>/<rendered file_template>.sql}, creating {@code versionDir} if needed.
     *
     * <p>Content: header lines {@code revision}, {@code down_revision} (empty for a base),
     * {@code branch_labels} and {@code depends_on} (only when non-empty, comma-separated),
     * {@code message} (line breaks in it become spaces), {@code create_date}
     * ({@code yyyy-MM-dd HH:mm:ss}), {@code transactional: false} (only when not transactional); a
     * blank line; {@code -- drover:upgrade}; a blank line; {@code -- drover:downgrade}; a final
     * newline. {@link ScriptParser} reads it back to the same revision.
     *
     * @param fileTemplate       INI-unescaped {@code file_template}, see {@link FileNameTemplate}
     * @param truncateSlugLength {@code truncate_slug_length} (Alembic's default is 40)
     * @return the written file
     * @throws IllegalArgumentException if an id is not {@code [A-Za-z0-9_]+}, a label or dependency is
     *                                  blank or contains ',', or the template is invalid or renders a
     *                                  name with a path separator
     * @throws ScriptFileException      if the file already exists or cannot be written
     */
    public Path write(Path versionDir, NewRevision rev, String fileTemplate, int truncateSlugLength) {
        validate(rev);
        String slug = FileNameTemplate.slug(rev.message(), truncateSlugLength);
        String name = FileNameTemplate.render(fileTemplate, rev.id(), slug, rev.createDate());
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("file_template '" + fileTemplate + "' renders the file name '" + name
                    + "', which is empty or has a path separator; fix 'file_template' in drover.ini");
        }
        Path file = versionDir.resolve(name + ".sql");
        try {
            Files.createDirectories(versionDir);
            Files.writeString(file, content(rev), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new ScriptFileException("revision file '" + file + "' already exists; pick another --rev-id or "
                    + "message, or remove that file", e);
        } catch (IOException e) {
            throw new ScriptFileException("cannot write revision file '" + file + "': " + e.getMessage()
                    + "; check that '" + versionDir + "' is a writable directory", e);
        }
        return file;
    }

    /** The script text {@link #write} writes for {@code rev}. */
    public String content(NewRevision rev) {
        StringBuilder out = new StringBuilder(256);
        out.append("-- revision: ").append(rev.id()).append('\n');
        header(out, "down_revision", String.join(", ", rev.downRevisions()));
        if (!rev.branchLabels().isEmpty()) {
            header(out, "branch_labels", String.join(", ", rev.branchLabels()));
        }
        if (!rev.dependsOn().isEmpty()) {
            header(out, "depends_on", String.join(", ", rev.dependsOn()));
        }
        header(out, "message", rev.message().strip().replaceAll("\\s*[\\r\\n]+\\s*", " "));
        header(out, "create_date", CREATE_DATE.format(rev.createDate()));
        if (!rev.transactional()) {
            header(out, "transactional", "false");
        }
        return out.append("\n-- drover:upgrade\n\n-- drover:downgrade\n").toString();
    }

    private static void header(StringBuilder out, String key, String value) {
        out.append("-- ").append(key).append(':');
        if (!value.isEmpty()) {
            out.append(' ').append(value);
        }
        out.append('\n');
    }

    private static void validate(NewRevision rev) {
        if (!RevisionIds.isValid(rev.id())) {
            throw new IllegalArgumentException("revision id '" + rev.id() + "' is not valid; use only letters, "
                    + "digits and '_'");
        }
        for (String down : rev.downRevisions()) {
            if (!RevisionIds.isValid(down)) {
                throw new IllegalArgumentException("down revision '" + down + "' is not a valid revision id; use "
                        + "only letters, digits and '_'");
            }
        }
        items("branch label", rev.branchLabels());
        items("depends_on entry", rev.dependsOn());
    }

    private static void items(String what, List<String> items) {
        for (String item : items) {
            if (item.isBlank() || item.indexOf(',') >= 0 || !item.equals(item.strip())) {
                throw new IllegalArgumentException(what + " '" + item + "' is blank, has surrounding spaces or a "
                        + "comma; give one name per entry");
            }
        }
    }
}
