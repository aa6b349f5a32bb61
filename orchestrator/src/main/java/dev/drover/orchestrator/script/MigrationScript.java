package dev.drover.orchestrator.script;

import dev.drover.orchestrator.graph.Revision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One parsed migration script: its graph node plus what the runtime needs to run it.
 * Statements are split from the sections on demand, per SQL syntax (the script directory caches them).
 *
 * @param revision      the graph node declared by the header
 * @param path          the script file
 * @param createDate    the {@code create_date} header, verbatim (may be empty)
 * @param transactional {@code false} when the header says {@code transactional: false}
 * @param upgrade       the {@code -- drover:upgrade} section
 * @param downgrade     the {@code -- drover:downgrade} section
 * @param checksum      {@code v1:sha256:<hex>} of the unrendered body, line endings normalised
 * @param statementTimeout the {@code statement_timeout} header, or {@code null} (the section's applies)
 * @param lintIgnores   the {@code lint_ignore} header lines, in order
 * @param javaClass     the {@code java} header: the class of a Java revision (the script is then header-only and
 *                      its sections empty), or {@code null} for SQL
 */
public record MigrationScript(
        Revision revision,
        Path path,
        String createDate,
        boolean transactional,
        ScriptSection upgrade,
        ScriptSection downgrade,
        String checksum,
        Duration statementTimeout,
        List<LintIgnore> lintIgnores,
        String javaClass) {

    public MigrationScript {
        lintIgnores = lintIgnores == null ? List.of() : List.copyOf(lintIgnores);
    }

    /** A SQL script. */
    public MigrationScript(Revision revision, Path path, String createDate, boolean transactional, ScriptSection upgrade,
            ScriptSection downgrade, String checksum, Duration statementTimeout, List<LintIgnore> lintIgnores) {
        this(revision, path, createDate, transactional, upgrade, downgrade, checksum, statementTimeout, lintIgnores, null);
    }

    public String id() {
        return revision.id();
    }
}
