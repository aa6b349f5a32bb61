package dev.drover.orchestrator.twophase;

import dev.drover.orchestrator.runtime.MigrationEngine;
import dev.drover.orchestrator.runtime.PreparedTarget;
import dev.drover.orchestrator.runtime.SessionFactory;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.TargetResult;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one two-phase group (docs/design.md, Concurrency), blocking: call it from a worker thread.
 * Pre-flight (every participant PostgreSQL, enough {@code max_prepared_transactions}); the journal
 * is written with decision {@code none}; each participant is locked, runs its whole plan in one
 * transaction and {@code PREPARE TRANSACTION}s it; the COMMIT decision is written durably; then
 * {@code COMMIT PREPARED} on each. Any failure before the decision rolls every participant back.
 * Participants keep their target lock until the group ends, so {@code sessions} must allow, per
 * server, as many work and lock connections as the group has participants there.
 */
public final class TwoPhaseCoordinator {

    private final SessionFactory sessions;
    private final MigrationEngine engine;
    private final TwoPhaseJournal journal;

    public TwoPhaseCoordinator(SessionFactory sessions, TwoPhaseJournal journal) {
        this.sessions = sessions;
        this.engine = new MigrationEngine(sessions);
        this.journal = journal;
    }

    /**
     * Runs {@code participants} as one group. Participants run in the given order; participant
     * {@code i} is prepared under {@link GlobalIds#of GlobalIds.of(runId, i, key)}.
     *
     * @param runId        the run id (see {@link dev.drover.orchestrator.runtime.RunOptions})
     * @param group        the group's name, e.g. its tenant ({@code ""} for sections without tenants)
     * @param participants distinct targets
     * @return every participant's outcome; {@link GroupResult#inDoubt()} means {@code drover recover} is needed
     * @throws TwoPhaseRefusedException in pre-flight, before anything was touched
     * @throws dev.drover.orchestrator.lock.LockTimeoutException when a participant's lock is not acquired in time
     *         (every participant rolled back first)
     * @throws SQLException when a database cannot be reached before the decision (every participant rolled back first)
     * @throws UncheckedIOException when the journal cannot be written before the decision (all rolled back first)
     */
    public GroupResult run(String runId, String group, List<Participant> participants) throws SQLException {
        return run(runId, group, participants, DecisionLog.journal(journal));
    }

    /**
     * As {@link #run(String, String, List)}, with the decision kept by {@code decisions} instead of this
     * coordinator's journal (a cluster agent: the coordinator's journal, over the event bus).
     *
     * @throws TwoPhaseRefusedException in pre-flight, before anything was touched
     * @throws dev.drover.orchestrator.lock.LockTimeoutException when a participant's lock is not acquired in time
     *         (every participant rolled back first)
     * @throws SQLException when a database cannot be reached before the decision (every participant rolled back first)
     * @throws UncheckedIOException when the decision cannot be recorded (every participant rolled back first)
     */
    public GroupResult run(String runId, String group, List<Participant> participants, DecisionLog decisions)
            throws SQLException {
        if (participants.isEmpty()) {
            return new GroupResult(runId, group, Decision.NONE, List.of(), null);
        }
        Preflight.checkTargets(participants);
        Preflight.checkCapacity(sessions, participants);
        JournalEntry entry = entry(runId, group, participants);
        String where = decisions.begin(entry);
        Log log = new Log(decisions, entry, where);
        PreparedTarget[] handles = new PreparedTarget[participants.size()];
        long[] started = new long[participants.size()];
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            started[i] = System.nanoTime();
            try {
                handles[i] = engine.prepare(p.target(), p.scripts(), p.planner(), runId,
                        entry.participants().get(i).gid());
            } catch (SQLException | RuntimeException e) {
                abort(runId, group, participants, handles, started, log, p.key(), null);
                throw e;
            }
            if (handles[i].result().failed()) {
                return abort(runId, group, participants, handles, started, log, p.key(), null);
            }
        }
        CrashPoints.reach(CrashPoints.AFTER_PREPARE);
        if (java.util.Arrays.stream(handles).noneMatch(PreparedTarget::prepared)) {
            closeAll(handles);
            decisions.end(entry);
            return unchanged(runId, group, handles, started);
        }
        try {
            decisions.decide(entry);
        } catch (DecisionLog.Refused e) {
            return abort(runId, group, participants, handles, started, log, null, e.getMessage());
        } catch (DecisionLog.Unknown e) {
            return undecided(runId, group, handles, started, where, e.getMessage());
        } catch (UncheckedIOException e) {
            abort(runId, group, participants, handles, started, log, null, null);
            throw e;
        }
        CrashPoints.reach(CrashPoints.AFTER_DECISION);
        return commit(runId, group, handles, started, log);
    }

    /** The group's decision log, its entry and where it is kept. */
    private record Log(DecisionLog decisions, JournalEntry entry, String where) {
        Path file() {
            return where == null ? null : Path.of(where);
        }
    }

    private static JournalEntry entry(String runId, String group, List<Participant> participants) {
        return JournalEntry.begin(runId, group, participants.stream().map(Participant::key).toList(),
                participants.stream().map(p -> p.target().maskedUrl()).toList());
    }

    /**
     * Whether the decision was recorded is unknown (the coordinator did not answer): every prepared participant
     * stays in doubt, for {@code drover recover} to resolve from the journal.
     */
    private static GroupResult undecided(String runId, String group, PreparedTarget[] handles, long[] started,
            String where, String why) {
        List<ParticipantResult> results = new ArrayList<>();
        for (int i = 0; i < handles.length; i++) {
            PreparedTarget h = handles[i];
            TargetResult r = h.result();
            if (!h.prepared()) {
                results.add(result(h, ParticipantStatus.UNCHANGED, r.to(), List.of(), null, started[i]));
                continue;
            }
            results.add(result(h, ParticipantStatus.IN_DOUBT, r.to(), r.steps(), StepError.of(null, "prepared as '"
                    + h.gid() + "', but whether the commit decision was recorded in '" + where + "' is unknown: " + why
                    + "; run 'drover recover' (with --cluster on a cluster) where that journal is"), started[i]));
        }
        closeAll(handles);
        return new GroupResult(runId, group, Decision.NONE, results, null);
    }

    /** Second phase: COMMIT PREPARED everywhere; a participant whose commit is not confirmed is in doubt. */
    private GroupResult commit(String runId, String group, PreparedTarget[] handles, long[] started, Log log) {
        List<ParticipantResult> results = new ArrayList<>();
        boolean doubt = false;
        boolean first = true;
        for (int i = 0; i < handles.length; i++) {
            PreparedTarget h = handles[i];
            TargetResult r = h.result();
            if (!h.prepared()) {
                results.add(result(h, ParticipantStatus.UNCHANGED, r.to(), List.of(), null, started[i]));
                continue;
            }
            try {
                h.commitPrepared();
                results.add(result(h, ParticipantStatus.SUCCEEDED, r.to(), r.steps(), null, started[i]));
            } catch (SQLException e) {
                doubt = true;
                results.add(result(h, ParticipantStatus.IN_DOUBT, r.to(), r.steps(), new StepError(null, null, null,
                        e.getSQLState(), "COMMIT PREPARED '" + h.gid() + "' was not confirmed: " + e.getMessage()
                                + "; the commit decision is in journal '" + log.where() + "': run 'drover recover'"),
                        started[i]));
            }
            if (first) {
                first = false;
                CrashPoints.reach(CrashPoints.AFTER_FIRST_COMMIT);
            }
        }
        closeAll(handles);
        if (!doubt) {
            log.decisions().end(log.entry());
        }
        return new GroupResult(runId, group, Decision.COMMIT, results, doubt ? log.file() : null);
    }

    /**
     * Rolls back every prepared participant after {@code culprit} failed (or the decision could not be
     * written, {@code culprit == null}, or was {@code refused}); a participant whose rollback is not confirmed
     * stays in doubt.
     */
    private GroupResult abort(String runId, String group, List<Participant> participants, PreparedTarget[] handles,
            long[] started, Log log, String culprit, String refused) {
        List<ParticipantResult> results = new ArrayList<>();
        boolean doubt = false;
        String why = refused != null ? "the commit decision was not recorded (" + refused + ")"
                : culprit == null ? "the commit decision could not be written to the journal"
                : "participant '" + culprit + "' failed";
        for (int i = 0; i < handles.length; i++) {
            PreparedTarget h = handles[i];
            String gid = GlobalIds.of(runId, i, participants.get(i).key());
            if (h == null) {
                ParticipantStatus status = participants.get(i).key().equals(culprit) ? ParticipantStatus.FAILED
                        : ParticipantStatus.SKIPPED;
                results.add(new ParticipantResult(participants.get(i).key(), status, gid, List.of(), List.of(),
                        elapsed(started[i]), List.of(), status == ParticipantStatus.FAILED
                                ? StepError.of(null, "target '" + culprit + "' could not be prepared") : null));
                continue;
            }
            TargetResult r = h.result();
            if (!h.prepared()) {
                ParticipantStatus status = r.failed() ? ParticipantStatus.FAILED : ParticipantStatus.UNCHANGED;
                results.add(result(h, status, r.from(), List.of(), r.error(), started[i]));
                continue;
            }
            try {
                h.rollbackPrepared();
                results.add(result(h, ParticipantStatus.FAILED, r.from(), List.of(), StepError.of(null,
                        "rolled back with its two-phase group because " + why + "; fix that and run again"),
                        started[i]));
            } catch (SQLException e) {
                doubt = true;
                results.add(result(h, ParticipantStatus.IN_DOUBT, r.from(), List.of(), new StepError(null, null, null,
                        e.getSQLState(), "ROLLBACK PREPARED '" + h.gid() + "' was not confirmed after " + why + ": "
                                + e.getMessage() + "; run 'drover recover' (no commit decision: it rolls back)"),
                        started[i]));
            }
        }
        closeAll(handles);
        if (!doubt) {
            log.decisions().end(log.entry());
        }
        return new GroupResult(runId, group, Decision.NONE, results, doubt ? log.file() : null);
    }

    private static GroupResult unchanged(String runId, String group, PreparedTarget[] handles, long[] started) {
        List<ParticipantResult> results = new ArrayList<>();
        for (int i = 0; i < handles.length; i++) {
            results.add(result(handles[i], ParticipantStatus.UNCHANGED, handles[i].result().to(), List.of(), null,
                    started[i]));
        }
        return new GroupResult(runId, group, Decision.NONE, results, null);
    }

    private static ParticipantResult result(PreparedTarget h, ParticipantStatus status, List<String> to,
            List<dev.drover.orchestrator.runtime.StepResult> steps, StepError error, long startNanos) {
        TargetResult r = h.result();
        return new ParticipantResult(r.key(), status, h.gid(), r.from(), to, elapsed(startNanos), steps, error);
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void closeAll(PreparedTarget[] handles) {
        for (PreparedTarget h : handles) {
            if (h != null) {
                h.close();
            }
        }
    }
}
