package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.HistoryRow;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads a target's state for {@code check}: heads, history, pending steps. Takes no lock, creates
 * nothing; a missing tenant schema or version table means base with no history.
 */
final class TargetInspector {

    private final SessionFactory sessions;

    TargetInspector(SessionFactory sessions) {
        this.sessions = sessions;
    }

    TargetCheck check(MigrationTarget target, ScriptSource scripts) throws SQLException {
        try (SqlSession session = sessions.open(target)) {
            VersionStore store = MigrationEngine.store(target);
            if (!enter(target, session)) {
                return new TargetCheck(target.key(), List.of(), pending(scripts, List.of()), null);
            }
            List<String> heads = readOrEmpty(() -> store.heads(session));
            List<HistoryRow> history = readOrEmpty(() -> store.history(session));
            List<HistoryRow> unfinished = history.stream().filter(r -> HistoryRow.STARTED.equals(r.status())).toList();
            Optional<StepError> problem = Refusals.halfApplied(target, scripts, unfinished, heads)
                    .or(() -> Refusals.changedScripts(target, scripts, history));
            return new TargetCheck(target.key(), heads, pending(scripts, heads), problem.orElse(null));
        }
    }

    private static int pending(ScriptSource scripts, List<String> heads) {
        return scripts.graph().planUpgrade(heads, "heads").size();
    }

    private static boolean enter(MigrationTarget target, SqlSession session) throws SQLException {
        try {
            MigrationEngine.selectTenant(target, session, false);
            return true;
        } catch (SQLException e) {
            if (MigrationEngine.isMissingSchema(e)) {
                return false;
            }
            throw e;
        }
    }

    private interface Read<T> {
        List<T> run() throws SQLException;
    }

    private static <T> List<T> readOrEmpty(Read<T> read) throws SQLException {
        try {
            return read.run();
        } catch (SQLException e) {
            if (MigrationEngine.isMissingTable(e)) {
                return List.of();
            }
            throw e;
        }
    }
}
