package dev.drover.orchestrator.script;

import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.graph.RevisionGraph;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The migration scripts of one lineage: every {@code *.sql} file directly inside its version
 * locations (Alembic's ScriptDirectory). Headers are parsed when loading; statements are split on
 * first use per SQL syntax and memoised. Immutable after {@link #load}; thread-safe.
 */
public final class ScriptDirectory {

    private static final ScriptParser PARSER = new ScriptParser();
    private static final StatementSplitter SPLITTER = new StatementSplitter();

    /** Python files named in the warning before "and N more". */
    private static final int NAMED_PYTHON_FILES = 5;

    private final List<Path> versionLocations;
    private final Map<String, MigrationScript> scripts;
    private final List<Path> pythonFiles;
    private final Map<StatementsKey, List<Statement>> statements = new ConcurrentHashMap<>();
    private volatile RevisionGraph graph;

    private record StatementsKey(String revision, Direction direction, SqlSyntax syntax) {}

    private ScriptDirectory(List<Path> versionLocations, Map<String, MigrationScript> scripts, List<Path> pythonFiles) {
        this.versionLocations = List.copyOf(versionLocations);
        this.scripts = Collections.unmodifiableMap(scripts);
        this.pythonFiles = List.copyOf(pythonFiles);
    }

    /**
     * Loads and parses every {@code *.sql} file directly inside each location (not recursive; names
     * starting with {@code .} are ignored), in location order and, within one location, sorted by
     * file name. Each file is read once, as UTF-8. A location listed twice is read once. Java revisions
     * declared by annotation ({@code dev.drover.migration.JavaRevision#revision}) join when these scripts hold
     * their down revisions.
     *
     * @param versionLocations the directories, e.g. from {@code version_locations}
     * @throws ScriptFileException  if a location is missing or not a directory, or a file cannot be read
     *                              or is not UTF-8
     * @throws ScriptParseException if a script's header or markers are invalid
     * @throws RevisionException    if two files declare the same revision id
     */
    public static ScriptDirectory load(List<Path> versionLocations) {
        List<Path> locations = new ArrayList<>(new LinkedHashSet<>(versionLocations));
        Map<String, MigrationScript> scripts = new LinkedHashMap<>();
        List<Path> pythonFiles = new ArrayList<>();
        for (Path location : locations) {
            List<Path> files = files(location);
            files.stream().filter(f -> f.getFileName().toString().endsWith(".py")).forEach(pythonFiles::add);
            for (Path file : files.stream().filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
                MigrationScript script = PARSER.parse(file, read(file));
                MigrationScript other = scripts.putIfAbsent(script.id(), script);
                if (other != null) {
                    throw new RevisionException("revision '" + script.id() + "' is declared by both '" + other.path()
                            + "' and '" + file + "'; give one of them a new id (and fix the down_revision of "
                            + "its children)");
                }
            }
        }
        AnnotatedJavaRevisions.join(scripts);
        return new ScriptDirectory(locations, scripts, pythonFiles);
    }

    /** The regular files directly inside {@code location} whose names do not start with {@code .}, sorted by name. */
    private static List<Path> files(Path location) {
        if (!Files.isDirectory(location)) {
            throw new ScriptFileException("version location '" + location + "' does not exist or is not a directory; "
                    + "create it with 'drover init' or fix 'version_locations' in drover.ini");
        }
        try (Stream<Path> files = Files.list(location)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new ScriptFileException("cannot list version location '" + location + "': " + e.getMessage()
                    + "; check that it is readable", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new ScriptFileException("script '" + file + "' is not valid UTF-8; save it as UTF-8", e);
        } catch (IOException e) {
            throw new ScriptFileException("cannot read script '" + file + "': " + e.getMessage()
                    + "; check that it is readable", e);
        }
    }

    /**
     * What the user should know about these locations: {@code .py} files (Alembic revisions, most
     * likely), which Drover does not read, named in one warning. Empty when there are none.
     */
    public List<String> warnings() {
        if (pythonFiles.isEmpty()) {
            return List.of();
        }
        List<String> named = pythonFiles.stream().limit(NAMED_PYTHON_FILES).map(f -> "'" + f + "'").toList();
        String more = pythonFiles.size() > NAMED_PYTHON_FILES
                ? " and " + (pythonFiles.size() - NAMED_PYTHON_FILES) + " more" : "";
        return List.of(pythonFiles.size() + " Python file(s) in " + locationsText() + " are not revisions Drover"
                + " reads and are ignored: " + String.join(", ", named) + more + "; Drover revisions are .sql scripts"
                + " with a '-- revision:' header, so write each Alembic revision you need as one (see 'drover revision')");
    }

    /** The version locations, in the order given (duplicates removed). */
    public List<Path> versionLocations() {
        return versionLocations;
    }

    /** Every script, in load order (location order, then file name). */
    public Collection<MigrationScript> scripts() {
        return scripts.values();
    }

    /**
     * The script declaring exactly this revision id (no prefix matching: resolve specifiers with
     * {@link #graph()} first).
     *
     * @throws RevisionException if no script declares {@code revisionId}
     */
    public MigrationScript script(String revisionId) {
        MigrationScript script = scripts.get(revisionId);
        if (script == null) {
            throw new RevisionException("no script in " + locationsText() + " declares revision '" + revisionId
                    + "'; run 'drover history' to list the known revisions");
        }
        return script;
    }

    /** The script declaring exactly this revision id, if any. */
    public Optional<MigrationScript> find(String id) {
        return Optional.ofNullable(scripts.get(id));
    }

    /**
     * The revision graph of these scripts, built on first call and memoised.
     *
     * @throws RevisionException if the graph is invalid (cycle, missing parent, ...)
     */
    public RevisionGraph graph() {
        RevisionGraph g = graph;
        if (g == null) {
            synchronized (this) {
                g = graph;
                if (g == null) {
                    List<Revision> revisions = scripts.values().stream().map(MigrationScript::revision).toList();
                    graph = g = RevisionGraph.of(revisions);
                }
            }
        }
        return g;
    }

    /**
     * The statements of one section of a script, split for {@code syntax}; memoised per
     * (revision, direction, syntax), safe to call from many threads.
     *
     * @throws RevisionException    if no script declares {@code revisionId}
     * @throws ScriptParseException if the section cannot be split (unterminated quote, ...)
     */
    public List<Statement> statements(String revisionId, Direction direction, SqlSyntax syntax) {
        StatementsKey key = new StatementsKey(revisionId, direction, syntax);
        List<Statement> cached = statements.get(key);
        if (cached != null) {
            return cached;
        }
        return statements.computeIfAbsent(key, k -> {
            MigrationScript script = script(revisionId);
            ScriptSection section = direction == Direction.UPGRADE ? script.upgrade() : script.downgrade();
            return List.copyOf(SPLITTER.split(section, syntax, script.path().toString()));
        });
    }

    private String locationsText() {
        return versionLocations.stream().map(p -> "'" + p + "'").reduce((a, b) -> a + ", " + b).orElse("(none)");
    }
}
