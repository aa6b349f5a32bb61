package dev.drover.orchestrator.twophase;

import dev.drover.orchestrator.lock.HeldLock;
import dev.drover.orchestrator.lock.LockIdentity;
import dev.drover.orchestrator.lock.LockTimeoutException;
import dev.drover.orchestrator.lock.TargetLocks;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.SessionFactory;
import dev.drover.orchestrator.store.SqlSession;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code drover recover [--force]}: resolves Drover's prepared transactions left by a crashed or cut-off
 * coordinator, with presumed abort. For every database of the given targets it lists the prepared
 * transactions with the {@code drover_} prefix; a gid whose journal holds the COMMIT decision is
 * committed, any other journaled gid is rolled back, and a gid no journal knows is an orphan:
 * reported, or rolled back with {@code force}. Journaled gids are resolved under their target's lock,
 * so a run still deciding is never overtaken (its gid is reported busy). Idempotent: resolved gids
 * disappear from the server and a journal file is deleted once none of its gids is left.
 */
public final class TwoPhaseRecovery {

    private static final String LIST_SQL = "SELECT gid FROM pg_prepared_xacts WHERE gid LIKE '" + GlobalIds.LIKE_PATTERN
            + "' AND database = current_database() ORDER BY gid";

    private final SessionFactory sessions;
    private final TwoPhaseJournal journal;

    public TwoPhaseRecovery(SessionFactory sessions, TwoPhaseJournal journal) {
        this.sessions = sessions;
        this.journal = journal;
    }

    private record Journaled(TwoPhaseJournal.Stored stored, JournalEntry.Participant participant) {}

    /**
     * Resolves what can be resolved and reports the rest. Blocking: call it from a worker thread.
     *
     * @param targets every configured target that may have joined a two-phase group (non-PostgreSQL ones are ignored);
     *                journal participants are matched to them by key
     * @param force   also roll back Drover gids that no journal knows (only when no other Drover run is active)
     * @throws java.io.UncheckedIOException when the journal cannot be read (names the file)
     */
    public RecoveryResult recover(Collection<MigrationTarget> targets, boolean force) {
        List<TwoPhaseJournal.Stored> stored = journal.readAll();
        Set<Path> keep = new HashSet<>();
        RecoveryResult result = resolve(stored, targets, force, keep);
        for (TwoPhaseJournal.Stored s : stored) {
            if (!keep.contains(s.file())) {
                journal.delete(s.file());
            }
        }
        return result;
    }

    /**
     * As {@link #recover}, for journal entries read elsewhere (a cluster agent resolving the coordinator's
     * journal for the databases of its zone): the same actions, and no file is read or deleted here.
     *
     * @param stored the entries, each under the name of its file in the coordinator's journal
     * @return what was done; the coordinator deletes a file once none of its gids is left unresolved
     */
    public RecoveryResult resolve(List<TwoPhaseJournal.Stored> stored, Collection<MigrationTarget> targets,
            boolean force) {
        return resolve(stored, targets, force, new HashSet<>());
    }

    private RecoveryResult resolve(List<TwoPhaseJournal.Stored> stored, Collection<MigrationTarget> targets,
            boolean force, Set<Path> keep) {
        Map<String, Journaled> byGid = new HashMap<>();
        for (TwoPhaseJournal.Stored s : stored) {
            for (JournalEntry.Participant p : s.entry().participants()) {
                byGid.put(p.gid(), new Journaled(s, p));
            }
        }
        Map<String, MigrationTarget> byKey = new HashMap<>();
        Map<String, MigrationTarget> databases = new LinkedHashMap<>();
        for (MigrationTarget t : targets) {
            if (t.dialect().supportsTwoPhase()) {
                byKey.putIfAbsent(t.key(), t);
                databases.putIfAbsent(t.databaseAddress(), t);
            }
        }
        Map<String, List<String>> prepared = new HashMap<>();
        Map<String, String> unreachable = new HashMap<>();
        for (Map.Entry<String, MigrationTarget> db : databases.entrySet()) {
            try (SqlSession session = sessions.open(db.getValue())) {
                List<String> gids = new ArrayList<>();
                for (List<Object> row : session.query(LIST_SQL)) {
                    gids.add(String.valueOf(row.get(0)));
                }
                prepared.put(db.getKey(), gids);
            } catch (SQLException | RuntimeException e) {
                unreachable.put(db.getKey(), e.getMessage());
            }
        }
        List<RecoveredTransaction> out = new ArrayList<>();
        Set<String> handled = new HashSet<>();
        for (Journaled j : byGid.values().stream().sorted((a, b) -> a.participant().gid()
                .compareTo(b.participant().gid())).toList()) {
            RecoveredTransaction r = resolveJournaled(j, byKey, prepared, unreachable, handled);
            if (r != null) {
                out.add(r);
                if (!r.action().resolved()) {
                    keep.add(j.stored().file());
                }
            }
        }
        for (Map.Entry<String, List<String>> db : prepared.entrySet()) {
            for (String gid : db.getValue()) {
                if (handled.add(gid)) {
                    RecoveredTransaction r = resolveUnmatched(gid, byGid.get(gid), databases.get(db.getKey()), force);
                    out.add(r);
                    if (byGid.containsKey(gid) && !r.action().resolved()) {
                        keep.add(byGid.get(gid).stored().file());
                    }
                }
            }
        }
        return new RecoveryResult(out);
    }

    /** A journaled gid on its participant's database; {@code null} when it is no longer prepared there. */
    private RecoveredTransaction resolveJournaled(Journaled j, Map<String, MigrationTarget> byKey,
            Map<String, List<String>> prepared, Map<String, String> unreachable, Set<String> handled) {
        JournalEntry.Participant p = j.participant();
        Decision decision = j.stored().entry().decisionValue();
        MigrationTarget target = byKey.get(p.key());
        if (target == null) {
            return new RecoveredTransaction(p.gid(), p.key(), p.url(), RecoveryAction.UNREACHABLE, "participant '"
                    + p.key() + "' of journal '" + j.stored().file() + "' is not among the configured targets; add it "
                    + "back to the configuration and run 'drover recover' again, or run '" + sqlFor(decision, p.gid())
                    + "' on its database by hand and delete the journal file");
        }
        String db = target.databaseAddress();
        if (unreachable.containsKey(db)) {
            return new RecoveredTransaction(p.gid(), p.key(), db, RecoveryAction.UNREACHABLE, "cannot reach '" + db
                    + "': " + unreachable.get(db) + "; run 'drover recover' again once it is reachable");
        }
        if (!prepared.getOrDefault(db, List.of()).contains(p.gid())) {
            return null;
        }
        handled.add(p.gid());
        try (SqlSession lockSession = sessions.openForLock(target);
                HeldLock held = TargetLocks.forDialect(target.dialect()).acquire(new LockIdentity(target.key(), db,
                        target.versionSchema(), target.versionTable()), lockSession, target.lockWait(), "drover recover");
                SqlSession session = sessions.open(target)) {
            session.execute(sqlFor(decision, p.gid()));
            return new RecoveredTransaction(p.gid(), p.key(), db, actionFor(decision), decision == Decision.COMMIT
                    ? "the journal holds the commit decision" : "no commit decision in the journal (presumed abort)");
        } catch (LockTimeoutException e) {
            return new RecoveredTransaction(p.gid(), p.key(), db, RecoveryAction.BUSY, e.getMessage());
        } catch (SQLException | RuntimeException e) {
            return new RecoveredTransaction(p.gid(), p.key(), db, RecoveryAction.FAILED, "'" + sqlFor(decision, p.gid())
                    + "' failed: " + e.getMessage() + "; run 'drover recover' again or resolve it by hand");
        }
    }

    /** A prepared Drover gid not found through its journal participant: an orphan, or a participant moved elsewhere. */
    private RecoveredTransaction resolveUnmatched(String gid, Journaled journaled, MigrationTarget database,
            boolean force) {
        String db = database.databaseAddress();
        if (journaled == null && !force) {
            return new RecoveredTransaction(gid, null, db, RecoveryAction.ORPHAN, "no journal in '"
                    + journal.directory() + "' knows this Drover transaction; if no other Drover run is active, "
                    + "run 'drover recover --force' to roll it back (presumed abort)");
        }
        Decision decision = journaled == null ? Decision.NONE : journaled.stored().entry().decisionValue();
        String key = journaled == null ? null : journaled.participant().key();
        try (SqlSession session = sessions.open(database)) {
            session.execute(sqlFor(decision, gid));
            return new RecoveredTransaction(gid, key, db, actionFor(decision), journaled == null
                    ? "no journal (presumed abort, forced)" : "journaled under a target now configured elsewhere");
        } catch (SQLException | RuntimeException e) {
            return new RecoveredTransaction(gid, key, db, RecoveryAction.FAILED, "'" + sqlFor(decision, gid)
                    + "' failed: " + e.getMessage() + "; run 'drover recover' again or resolve it by hand");
        }
    }

    private static String sqlFor(Decision decision, String gid) {
        return (decision == Decision.COMMIT ? "COMMIT PREPARED '" : "ROLLBACK PREPARED '") + gid + "'";
    }

    private static RecoveryAction actionFor(Decision decision) {
        return decision == Decision.COMMIT ? RecoveryAction.COMMITTED : RecoveryAction.ROLLED_BACK;
    }
}
