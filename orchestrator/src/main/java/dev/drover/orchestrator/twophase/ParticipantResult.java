package dev.drover.orchestrator.twophase;

import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.StepResult;
import java.util.List;

/**
 * One participant's outcome, aligned with a report {@code targets[]} entry plus its two-phase part.
 *
 * @param key        the target key
 * @param status     see {@link ParticipantStatus}
 * @param gid        the global transaction id it was (or would have been) prepared under
 * @param from       heads before the run (empty for a skipped participant)
 * @param to         heads after the run: the new heads once committed (also when in doubt: what commit would give)
 * @param durationMs wall time of this participant's work, including its lock wait
 * @param steps      revisions that ran (committed, or in doubt with the prepared transaction); empty otherwise
 * @param error      why it failed or is in doubt, or {@code null}
 */
public record ParticipantResult(String key, ParticipantStatus status, String gid, List<String> from, List<String> to,
        long durationMs, List<StepResult> steps, StepError error) {

    public ParticipantResult {
        from = List.copyOf(from);
        to = List.copyOf(to);
        steps = List.copyOf(steps);
    }
}
