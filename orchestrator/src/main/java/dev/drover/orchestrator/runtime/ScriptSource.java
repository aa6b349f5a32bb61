package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.graph.RevisionGraph;
import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.orchestrator.script.Statement;
import dev.drover.orchestrator.store.HistoryRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the runtime needs from a script directory: the graph to plan with, and per revision its
 * statements, checksum, transactional flag and file. Kept as an interface so the engine can be
 * tested with hand-built plans.
 */
public interface ScriptSource {

    /** The source the CLI uses: a loaded script directory. */
    static ScriptSource of(ScriptDirectory directory) {
        return new ScriptDirectorySource(directory);
    }

    /** The revision graph used to plan upgrade, downgrade and stamp. */
    RevisionGraph graph();

    /** The revision declared by a script, or empty when no script has this id. */
    Optional<Revision> revision(String revisionId);

    /** The unrendered statements of one section, split with the dialect's SQL syntax. */
    List<Statement> statements(String revisionId, Direction direction, Dialect dialect);

    /** {@code v1:sha256:...} of the script, or {@code null} when no script has this id. */
    String checksum(String revisionId);

    /** {@code false} when the script's header says {@code transactional: false}. */
    boolean transactional(String revisionId);

    /** The script file, as quoted in messages. */
    String fileLabel(String revisionId);

    /** The script's own {@code statement_timeout} header, or {@code null} when it has none. */
    default java.time.Duration statementTimeout(String revisionId) {
        return null;
    }

    /** The class of a Java revision ({@code -- java:} header), or {@code null} for a SQL revision. */
    default String javaClass(String revisionId) {
        return null;
    }

    /** The script's {@code lint_ignore} header lines. */
    default List<dev.drover.orchestrator.script.LintIgnore> lintIgnores(String revisionId) {
        return List.of();
    }

    /**
     * The applied revisions whose script changed since they ran, sorted by revision: for each revision the
     * latest {@code done} or {@code accepted} row of {@code history} (an {@code accepted} row records the
     * checksum {@code drover repair} accepted), when it is an upgrade recorded with a checksum that differs
     * from {@link #checksum} now (a revision without a script here is not reported).
     */
    default List<HistoryRow> changedSince(List<HistoryRow> history) {
        Map<String, HistoryRow> latest = new TreeMap<>();
        for (HistoryRow row : history) {
            if (HistoryRow.DONE.equals(row.status()) || HistoryRow.ACCEPTED.equals(row.status())) {
                latest.put(row.revision(), row);
            }
        }
        List<HistoryRow> changed = new ArrayList<>();
        for (HistoryRow row : latest.values()) {
            String now = checksum(row.revision());
            if ("upgrade".equals(row.direction()) && row.checksum() != null && now != null && !now.equals(row.checksum())) {
                changed.add(row);
            }
        }
        return changed;
    }

    /**
     * Renders placeholders of one statement.
     *
     * @throws dev.drover.orchestrator.script.PlaceholderException naming the file, line and placeholder when one is undefined
     */
    String render(String sql, Map<String, String> values, String fileLabel, int line);
}
