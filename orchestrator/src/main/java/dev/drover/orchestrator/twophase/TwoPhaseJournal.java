package dev.drover.orchestrator.twophase;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's durable memory: one JSON file per two-phase group ({@code <runId>_<group hash>.json})
 * in one directory. Every write goes to a temporary file that is forced to disk, atomically renamed
 * over the old one, and followed by a directory sync where the platform allows it, so after a crash
 * a file is either the old or the new version, never a mix.
 */
public final class TwoPhaseJournal {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path directory;

    /** A journal in {@code directory} (created on first write). */
    public TwoPhaseJournal(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** {@code ~/.drover/journal}: the default when the configuration names no journal directory. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".drover", "journal");
    }

    public Path directory() {
        return directory;
    }

    /** The file of the group {@code group} of run {@code runId}. */
    public Path fileOf(String runId, String group) {
        return directory.resolve(runId.replaceAll("[^A-Za-z0-9_.-]", "_") + "_" + GlobalIds.hash(group, 10) + ".json");
    }

    /**
     * Writes {@code entry} durably (replacing an earlier version) and returns its file.
     *
     * @throws UncheckedIOException when it cannot be written; the old version (if any) is then intact
     */
    public Path write(JournalEntry entry) {
        Path file = fileOf(entry.runId(), entry.group());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(entry));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write two-phase journal '" + file + "': " + e.getMessage()
                    + "; check that the journal directory is writable and has space", e);
        }
    }

    /**
     * Every journal file, oldest name first.
     *
     * @throws UncheckedIOException when the directory or a file cannot be read or parsed (names the file)
     */
    public List<Stored> readAll() {
        List<Stored> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                entries.add(new Stored(file, read(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read two-phase journal directory '" + directory + "': "
                    + e.getMessage() + "; check its permissions", e);
        }
        entries.sort((a, b) -> a.file().compareTo(b.file()));
        return entries;
    }

    /** Removes a group's file once nothing of it can be in doubt; a missing file is fine. */
    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete two-phase journal '" + file + "': " + e.getMessage()
                    + "; delete it by hand (its group is resolved)", e);
        }
    }

    /** A journal file and its content. */
    public record Stored(Path file, JournalEntry entry) {}

    private static JournalEntry read(Path file) {
        try {
            return JSON.readValue(file.toFile(), JournalEntry.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse two-phase journal '" + file + "': " + e.getMessage()
                    + "; restore it from a backup or move it away and resolve its gids by hand", e);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory (Windows cannot). */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file content itself is already forced
        }
    }
}
