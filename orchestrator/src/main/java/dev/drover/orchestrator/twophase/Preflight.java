package dev.drover.orchestrator.twophase;

import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.SessionFactory;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks made before any participant is touched (docs/design.md, Concurrency). */
final class Preflight {

    private Preflight() {}

    /**
     * Refuses non-PostgreSQL participants and participants sharing a version table (they would wait
     * for each other's lock).
     *
     * @throws TwoPhaseRefusedException naming the target
     */
    static void checkTargets(List<Participant> participants) {
        Map<String, String> tables = new HashMap<>();
        for (Participant p : participants) {
            MigrationTarget t = p.target();
            if (!t.dialect().supportsTwoPhase()) {
                throw new TwoPhaseRefusedException("target '" + t.key() + "' (" + t.maskedUrl() + ") cannot join a "
                        + "two-phase group: " + t.dialect().twoPhaseRefusal().orElse("two-phase commit is unsupported"));
            }
            String table = t.databaseAddress() + "|" + t.versionSchema() + "|" + t.versionTable();
            String other = tables.putIfAbsent(table, t.key());
            if (other != null) {
                throw new TwoPhaseRefusedException("targets '" + other + "' and '" + t.key() + "' share the version "
                        + "table '" + t.versionTable() + "' in one two-phase group; give them distinct "
                        + "version tables or schemas");
            }
        }
    }

    /** Server address (no database, no credentials) → participants there, in first-seen order. */
    static Map<String, List<MigrationTarget>> byServer(List<Participant> participants) {
        Map<String, List<MigrationTarget>> servers = new LinkedHashMap<>();
        for (Participant p : participants) {
            servers.computeIfAbsent(serverOf(p.target()), s -> new java.util.ArrayList<>()).add(p.target());
        }
        return servers;
    }

    /** {@code jdbc:postgresql://host:port} of a target (its database address without the database). */
    static String serverOf(MigrationTarget target) {
        return target.databaseAddress().replaceFirst("^(jdbc:[a-z]+://[^/]*)/.*$", "$1");
    }

    /** Reads {@code max_prepared_transactions} of every server, then {@link #checkCapacity}. */
    static void checkCapacity(SessionFactory sessions, List<Participant> participants) throws SQLException {
        Map<String, List<MigrationTarget>> servers = byServer(participants);
        Map<String, Integer> settings = new LinkedHashMap<>();
        for (Map.Entry<String, List<MigrationTarget>> server : servers.entrySet()) {
            try (SqlSession session = sessions.open(server.getValue().get(0))) {
                Object value = session.query("SHOW max_prepared_transactions").get(0).get(0);
                settings.put(server.getKey(), Integer.parseInt(String.valueOf(value).trim()));
            }
        }
        Map<String, Integer> needed = new LinkedHashMap<>();
        servers.forEach((server, targets) -> needed.put(server, targets.size()));
        checkCapacity(settings, needed);
    }

    /**
     * @param settings {@code max_prepared_transactions} per (masked) server
     * @param needed   participants per server
     * @throws TwoPhaseRefusedException naming the first server whose setting is too small
     */
    static void checkCapacity(Map<String, Integer> settings, Map<String, Integer> needed) {
        for (Map.Entry<String, Integer> server : needed.entrySet()) {
            int max = settings.getOrDefault(server.getKey(), 0);
            if (max == 0) {
                throw new TwoPhaseRefusedException("server '" + server.getKey() + "' has prepared transactions "
                        + "disabled (max_prepared_transactions = 0); set max_prepared_transactions to at least "
                        + server.getValue() + " in its postgresql.conf and restart it, or remove 'two_phase = true'");
            }
            if (max < server.getValue()) {
                throw new TwoPhaseRefusedException("server '" + server.getKey() + "' allows " + max + " prepared "
                        + "transactions (max_prepared_transactions) but this two-phase group needs " + server.getValue()
                        + " there; raise max_prepared_transactions in its postgresql.conf and restart it");
            }
        }
    }
}
