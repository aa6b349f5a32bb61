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

    /** What a {@code --tag} may hold: short enough that {@code TAG:uuid} is a valid run id. */
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[A-Za-z0-9_.\\-]{1,27}");

    /**
     * A fresh run id carrying {@code tag}: {@code TAG:uuid}. The tag thus reaches every history row (their
     * {@code run_id} column, unchanged in shape: tables written before tags existed keep working) and the
     * session's application name, and {@link #tagOf} reads it back.
     *
     * @throws IllegalArgumentException naming the tag when it holds other than letters, digits, {@code _ . -}
     *                                  or is longer than 27 characters
     */
    public static String taggedRunId(String tag) {
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("tag '" + tag + "' may only hold letters, digits and _ . - (at most 27);"
                    + " choose another --tag");
        }
        return tag + ":" + UUID.randomUUID();
    }

    /** The tag of a run id written by {@link #taggedRunId}, or {@code null} for an untagged one. */
    public static String tagOf(String runId) {
        int colon = runId == null ? -1 : runId.lastIndexOf(':');
        return colon > 0 && TAG.matcher(runId.substring(0, colon)).matches() ? runId.substring(0, colon) : null;
    }

    /** Options with a fresh random run id. */
    public static RunOptions withNewRunId() {
        return new RunOptions(UUID.randomUUID().toString());
    }
}
