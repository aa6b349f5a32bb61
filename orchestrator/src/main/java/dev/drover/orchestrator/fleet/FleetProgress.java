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
 * @param etaMs     estimated time until every target is done, -1 while unknown (see {@link EtaEstimator})
 * @param throttled the servers throttled right now, e.g. {@code db:5432 (replication lag 12 > 10, 0:15)}
 */
public record FleetProgress(int total, int done, int failed, int running, long elapsedMs, long etaMs,
        List<String> throttled) {

    public FleetProgress {
        throttled = List.copyOf(throttled);
    }

    public FleetProgress(int total, int done, int failed, int running, long elapsedMs, long etaMs) {
        this(total, done, failed, running, elapsedMs, etaMs, List.of());
    }
}
