package dev.drover.orchestrator.twophase;

import dev.drover.orchestrator.runtime.MigrationEngine;
import dev.drover.orchestrator.runtime.PreparedTarget;
import dev.drover.orchestrator.runtime.SessionFactory;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.TargetResult;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        if (participants.isEmpty()) {
            return new GroupResult(runId, group, Decision.NONE, List.of(), null);
        }
        Preflight.checkTargets(participants);
        Preflight.checkCapacity(sessions, participants);
        JournalEntry entry = entry(runId, group, participants);
        Path file = journal.write(entry);
        PreparedTarget[] handles = new PreparedTarget[participants.size()];
        long[] started = new long[participants.size()];
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            started[i] = System.nanoTime();
            try {
                handles[i] = engine.prepare(p.target(), p.scripts(), p.planner(), runId,
                        entry.participants().get(i).gid());
            } catch (SQLException | RuntimeException e) {
                abort(runId, group, participants, handles, started, file, p.key());
                throw e;
            }
            if (handles[i].result().failed()) {
                return abort(runId, group, participants, handles, started, file, p.key());
            }
        }
        CrashPoints.reach(CrashPoints.AFTER_PREPARE);
        if (java.util.Arrays.stream(handles).noneMatch(PreparedTarget::prepared)) {
            closeAll(handles);
            journal.delete(file);
            return unchanged(runId, group, handles, started);
        }
        try {
            journal.write(entry.withDecision(Decision.COMMIT));
        } catch (UncheckedIOException e) {
            abort(runId, group, participants, handles, started, file, null);
            throw e;
        }
        CrashPoints.reach(CrashPoints.AFTER_DECISION);
        return commit(runId, group, handles, started, file);
    }

    private static JournalEntry entry(String runId, String group, List<Participant> participants) {
        List<JournalEntry.Participant> journaled = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            if (!keys.add(p.key())) {
                throw new TwoPhaseRefusedException("target '" + p.key() + "' appears twice in two-phase group '"
                        + group + "'; list each target once");
            }
            journaled.add(new JournalEntry.Participant(p.key(), p.target().maskedUrl(), GlobalIds.of(runId, i, p.key())));
        }
        return new JournalEntry(1, runId, group, Decision.NONE.label(), Instant.now().toString(), journaled);
    }

    /** Second phase: COMMIT PREPARED everywhere; a participant whose commit is not confirmed is in doubt. */
    private GroupResult commit(String runId, String group, PreparedTarget[] handles, long[] started, Path file) {
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
                                + "; the commit decision is in journal '" + file + "': run 'drover recover'"),
                        started[i]));
            }
            if (first) {
                first = false;
                CrashPoints.reach(CrashPoints.AFTER_FIRST_COMMIT);
            }
        }
        closeAll(handles);
        if (!doubt) {
            journal.delete(file);
        }
        return new GroupResult(runId, group, Decision.COMMIT, results, doubt ? file : null);
    }

    /**
     * Rolls back every prepared participant after {@code culprit} failed (or the decision could not be
     * written, {@code culprit == null}); a participant whose rollback is not confirmed stays in doubt.
     */
    private GroupResult abort(String runId, String group, List<Participant> participants, PreparedTarget[] handles,
            long[] started, Path file, String culprit) {
        List<ParticipantResult> results = new ArrayList<>();
        boolean doubt = false;
        String why = culprit == null ? "the commit decision could not be written to the journal"
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
            journal.delete(file);
        }
        return new GroupResult(runId, group, Decision.NONE, results, doubt ? file : null);
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
