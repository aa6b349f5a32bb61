package dev.drover.orchestrator.runtime;

import java.util.Objects;
import java.util.UUID;

/**
 * Options of one run shared by all its targets.
 *
 * @param runId written to history rows and used in the session's application name ({@code drover <runId>});
 *              letters, digits and {@code _ . : -} only
 * @param gate  asked between revisions of a target (the fleet's throttle of its server); {@link RevisionGate#OPEN}
 */
public record RunOptions(String runId, RevisionGate gate) {

    public RunOptions(String runId) {
        this(runId, RevisionGate.OPEN);
    }

    public RunOptions {
        Objects.requireNonNull(runId, "runId");
        gate = gate == null ? RevisionGate.OPEN : gate;
        if (!runId.matches("[A-Za-z0-9_.:\\-]{1,64}")) {
            throw new IllegalArgumentException("run id '" + runId + "' may only hold letters, digits and _ . : - "
                    + "(at most 64); choose another run id");
        }
    }

    /** The same run with {@code revisionGate} between a target's revisions. */
    public RunOptions withGate(RevisionGate revisionGate) {
        return new RunOptions(runId, revisionGate);
    }

    /** Options with a fresh random run id. */
    public static RunOptions withNewRunId() {
        return new RunOptions(UUID.randomUUID().toString());
    }
}
