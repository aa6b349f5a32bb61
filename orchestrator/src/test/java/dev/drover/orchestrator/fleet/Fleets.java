package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.FakeScripts;
import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.graph.RevisionGraph;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.ScriptSource;
import dev.drover.orchestrator.script.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;

/** Test fleets: targets t0..tN-1 on a linear two-revision graph ({@code a1 <- a2}). */
final class Fleets {

    private static final FakeScripts FAKE = new FakeScripts()
            .add("a1", List.of(), List.of("CREATE TABLE a1_t (id INT)"), List.of("DROP TABLE a1_t"))
            .add("a2", List.of("a1"), List.of("CREATE TABLE a2_t (id INT)"), List.of("DROP TABLE a2_t"));

    /** The fake scripts with a real revision graph to plan with (checksums {@code v1:sha256:<id>}). */
    static final ScriptSource SCRIPTS = new ScriptSource() {
        private final RevisionGraph graph = RevisionGraph.of(List.of(FAKE.rev("a1"), FAKE.rev("a2")));

        @Override
        public RevisionGraph graph() {
            return graph;
        }

        @Override
        public Optional<Revision> revision(String id) {
            return FAKE.revision(id);
        }

        @Override
        public List<Statement> statements(String id, Direction direction, Dialect dialect) {
            return FAKE.statements(id, direction, dialect);
        }

        @Override
        public String checksum(String id) {
            return FAKE.checksum(id);
        }

        @Override
        public boolean transactional(String id) {
            return true;
        }

        @Override
        public String fileLabel(String id) {
            return FAKE.fileLabel(id);
        }

        @Override
        public String render(String sql, Map<String, String> values, String fileLabel, int line) {
            return sql;
        }
    };

    private Fleets() {}

    /** {@code n} targets, target i on server {@code servers[i % servers.length]}. */
    static List<FleetTarget> targets(int n, String... servers) {
        List<FleetTarget> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MigrationTarget target = MigrationTarget.of("sec/t" + i,
                    "jdbc:postgresql://db.example:5432/app?user=u&password=secret").withTenant("t" + i);
            String server = servers.length == 0 ? null : servers[i % servers.length];
            targets.add(new FleetTarget(target, SCRIPTS, server, "sec", "t" + i));
        }
        return targets;
    }
}
