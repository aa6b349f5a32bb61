package dev.drover.orchestrator.fleet;

/**
 * How one server's throttle went in a run: report {@code throttles[]}.
 *
 * @param server   the server ({@link FleetTarget#server()})
 * @param pauses   how many times it went above a limit
 * @param pausedMs how long, in all, new work on it waited
 * @param reason   the last measurement over a limit, e.g. {@code throttle_query 12 > 10}; {@code null} if never
 * @param gaveUp   it stayed throttled past throttle_wait (or could not be measured), and its remaining targets failed
 */
public record ThrottleSummary(String server, int pauses, long pausedMs, String reason, boolean gaveUp) {}
