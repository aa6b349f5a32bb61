package dev.drover.orchestrator.fleet;

/**
 * Counts at one moment of a fleet run, for a progress line.
 *
 * @param total     targets in the run
 * @param done      targets finished (succeeded, unchanged or failed)
 * @param failed    targets failed so far
 * @param running   targets in flight
 * @param elapsedMs since the run started
 * @param etaMs     estimated time until every target is done, -1 while unknown (see {@link EtaEstimator})
 */
public record FleetProgress(int total, int done, int failed, int running, long elapsedMs, long etaMs) {}
