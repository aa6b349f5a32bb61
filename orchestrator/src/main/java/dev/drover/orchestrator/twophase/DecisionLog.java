package dev.drover.orchestrator.twophase;

import java.io.UncheckedIOException;

/**
 * Where a two-phase group's COMMIT decision is kept durably before any {@code COMMIT PREPARED}: this process's
 * {@link TwoPhaseJournal} ({@link #journal}), or, on a cluster agent, the coordinator's journal reached over the
 * event bus. {@link TwoPhaseCoordinator} asks it at the points a local run writes its journal.
 */
public interface DecisionLog {

    /**
     * Records the group with decision {@code none}, before any participant is touched.
     *
     * @return where the decision is kept, for messages (a journal file)
     * @throws UncheckedIOException when it cannot be recorded; nothing was touched
     */
    String begin(JournalEntry entry);

    /**
     * Makes the COMMIT decision durable; returns once it is.
     *
     * @throws Refused when the decision was not recorded: the group rolls back
     * @throws UncheckedIOException when the journal could not be written: the group rolls back, then this is rethrown
     * @throws Unknown when it may or may not have been recorded: every prepared participant is left in doubt
     */
    void decide(JournalEntry entry);

    /** The group ended with nothing in doubt: its record can go. */
    void end(JournalEntry entry);

    /** The decision was not recorded, for the reason given: the group rolls back. */
    final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
    }

    /** Whether the decision was recorded is not known here: whatever was prepared waits for {@code drover recover}. */
    final class Unknown extends RuntimeException {
        public Unknown(String reason) {
            super(reason);
        }
    }

    /** A local run's log: one file per group in {@code journal}, deleted once the group ends. */
    static DecisionLog journal(TwoPhaseJournal journal) {
        return new DecisionLog() {
            @Override
            public String begin(JournalEntry entry) {
                return journal.write(entry).toString();
            }

            @Override
            public void decide(JournalEntry entry) {
                journal.write(entry.withDecision(Decision.COMMIT));
            }

            @Override
            public void end(JournalEntry entry) {
                journal.delete(journal.fileOf(entry.runId(), entry.group()));
            }
        };
    }
}
