package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.graph.RevisionGraph;
import dev.drover.orchestrator.graph.VersionDelta;
import dev.drover.orchestrator.script.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An in-memory script source with hand-written statements; statement N of a section sits on file line 10 + N. */
public final class FakeScripts implements ScriptSource {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_.]+)}");

    record Script(Revision revision, List<String> upgrade, List<String> downgrade, boolean transactional, String checksum) {}

    private final Map<String, Script> scripts = new LinkedHashMap<>();

    public FakeScripts add(String id, List<String> parents, List<String> upgrade, List<String> downgrade) {
        return add(id, parents, upgrade, downgrade, true);
    }

    public FakeScripts add(String id, List<String> parents, List<String> upgrade, List<String> downgrade, boolean transactional) {
        scripts.put(id, new Script(new Revision(id, parents, List.of(), List.of(), "", id + ".sql"), upgrade, downgrade,
                transactional, "v1:sha256:" + id));
        return this;
    }

    /** Replaces a script's body and checksum (a script edited after it ran). */
    public FakeScripts edit(String id, List<String> upgrade) {
        Script s = scripts.get(id);
        scripts.put(id, new Script(s.revision(), upgrade, s.downgrade(), s.transactional(), s.checksum() + "-edited"));
        return this;
    }

    public Revision rev(String id) {
        return scripts.get(id).revision();
    }

    /** Upgrade step of {@code id}: parents' rows give way to {@code id} (first parent updated, others deleted). */
    public MigrationStep up(String id) {
        List<String> parents = rev(id).downRevisions();
        if (parents.isEmpty()) {
            return new MigrationStep(rev(id), Direction.UPGRADE, new VersionDelta(List.of(), List.of(), List.of(id)));
        }
        return new MigrationStep(rev(id), Direction.UPGRADE, new VersionDelta(parents.subList(1, parents.size()),
                List.of(new VersionDelta.RowUpdate(parents.get(0), id)), List.of()));
    }

    /** Upgrade step of a branch's second child: its parent is no longer a head, so it is inserted. */
    public MigrationStep upInsert(String id) {
        return new MigrationStep(rev(id), Direction.UPGRADE, new VersionDelta(List.of(), List.of(), List.of(id)));
    }

    /** Downgrade step of a branch whose parent stays below another head: its row is just deleted. */
    public MigrationStep downDelete(String id) {
        return new MigrationStep(rev(id), Direction.DOWNGRADE, new VersionDelta(List.of(id), List.of(), List.of()));
    }

    public MigrationStep down(String id) {
        List<String> parents = rev(id).downRevisions();
        if (parents.isEmpty()) {
            return new MigrationStep(rev(id), Direction.DOWNGRADE, new VersionDelta(List.of(id), List.of(), List.of()));
        }
        return new MigrationStep(rev(id), Direction.DOWNGRADE, new VersionDelta(List.of(),
                List.of(new VersionDelta.RowUpdate(id, parents.get(0))), parents.subList(1, parents.size())));
    }

    /** A linear plan from the current single head (or base) up to the last revision, in insertion order. */
    public List<MigrationStep> linearFrom(List<String> heads) {
        List<MigrationStep> steps = new ArrayList<>();
        boolean started = heads.isEmpty();
        for (String id : scripts.keySet()) {
            if (started) {
                steps.add(up(id));
            }
            started = started || heads.contains(id);
        }
        return steps;
    }

    @Override
    public RevisionGraph graph() {
        throw new UnsupportedOperationException("FakeScripts plans by hand");
    }

    @Override
    public Optional<Revision> revision(String revisionId) {
        return Optional.ofNullable(scripts.get(revisionId)).map(Script::revision);
    }

    @Override
    public List<Statement> statements(String revisionId, Direction direction, Dialect dialect) {
        List<String> sql = direction == Direction.UPGRADE ? scripts.get(revisionId).upgrade() : scripts.get(revisionId).downgrade();
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < sql.size(); i++) {
            statements.add(new Statement(sql.get(i), 11 + i));
        }
        return statements;
    }

    @Override
    public String checksum(String revisionId) {
        Script s = scripts.get(revisionId);
        return s == null ? null : s.checksum();
    }

    @Override
    public boolean transactional(String revisionId) {
        return scripts.get(revisionId).transactional();
    }

    @Override
    public String fileLabel(String revisionId) {
        return revisionId + ".sql";
    }

    @Override
    public String render(String sql, Map<String, String> values, String fileLabel, int line) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(fileLabel + ":" + line + ": undefined placeholder '${" + m.group(1) + "}'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
