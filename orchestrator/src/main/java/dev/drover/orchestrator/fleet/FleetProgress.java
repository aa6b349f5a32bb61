package dev.drover.orchestrator.fleet;

import java.util.List;

/**
 * Counts at one moment of a fleet run, for a progress line.
 *
 * @param total     targets in the run
 * @param done      targets finished (succeeded, unchanged or failed)
 * @param failed    targets failed so far
 * @param running   targets in flight
 * @param elapsedMs since the run started
 * @param throttled the servers throttled right now, e.g. {@code db:5432 (replication lag 12 > 10, 0:15)}
 */
public record FleetProgress(int total, int done, int failed, int running, long elapsedMs, List<String> throttled) {

    public FleetProgress {
        throttled = List.copyOf(throttled);
    }

    public FleetProgress(int total, int done, int failed, int running, long elapsedMs) {
        this(total, done, failed, running, elapsedMs, List.of());
    }

    /** A naive ETA from the mean time per finished target and the remaining count; -1 when unknown. */
    public long etaMs() {
        if (done == 0) {
            return -1;
        }
        return elapsedMs * (total - done) / done;
    }
}
