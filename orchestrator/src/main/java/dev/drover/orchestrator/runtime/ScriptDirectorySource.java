package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.graph.RevisionGraph;
import dev.drover.orchestrator.script.MigrationScript;
import dev.drover.orchestrator.script.Placeholders;
import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.orchestrator.script.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ScriptSource} over a loaded {@link ScriptDirectory}. */
final class ScriptDirectorySource implements ScriptSource {

    private static final Placeholders PLACEHOLDERS = new Placeholders();

    private final ScriptDirectory directory;

    ScriptDirectorySource(ScriptDirectory directory) {
        this.directory = directory;
    }

    @Override
    public RevisionGraph graph() {
        return directory.graph();
    }

    @Override
    public Optional<Revision> revision(String revisionId) {
        return directory.find(revisionId).map(MigrationScript::revision);
    }

    @Override
    public List<Statement> statements(String revisionId, Direction direction, Dialect dialect) {
        return directory.statements(revisionId, direction, dialect.sqlSyntax());
    }

    @Override
    public String checksum(String revisionId) {
        return directory.find(revisionId)
                .map(s -> s.javaClass() == null ? s.checksum() : JavaRevisions.checksum(s.javaClass(), s.path().toString()))
                .orElse(null);
    }

    @Override
    public String javaClass(String revisionId) {
        return directory.find(revisionId).map(MigrationScript::javaClass).orElse(null);
    }

    @Override
    public boolean transactional(String revisionId) {
        return directory.script(revisionId).transactional();
    }

    @Override
    public String fileLabel(String revisionId) {
        return directory.find(revisionId).map(s -> s.path().toString()).orElse("(no script for '" + revisionId + "')");
    }

    @Override
    public java.time.Duration statementTimeout(String revisionId) {
        return directory.find(revisionId).map(MigrationScript::statementTimeout).orElse(null);
    }

    @Override
    public List<dev.drover.orchestrator.script.LintIgnore> lintIgnores(String revisionId) {
        return directory.find(revisionId).map(MigrationScript::lintIgnores).orElse(List.of());
    }

    @Override
    public String render(String sql, Map<String, String> values, String fileLabel, int line) {
        return PLACEHOLDERS.render(sql, values, fileLabel, line);
    }
}
