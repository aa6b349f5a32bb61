package dev.drover.api;

import java.util.List;

/**
 * One target starting or ending during a run, with the run's counts at that moment.
 *
 * @param target    the target key, {@code section} or {@code section/tenant}
 * @param section   the section
 * @param tenant    the tenant, or {@code null} for a section without tenants
 * @param status    {@code null} when the target starts; when it ends, the report status ({@code succeeded},
 *                  {@code unchanged}, {@code failed}, {@code lock_timeout}, {@code throttled}, {@code in_doubt})
 * @param total     targets in the run
 * @param done      targets ended so far
 * @param failed    targets failed so far
 * @param running   targets in flight
 * @param elapsedMs since the run started
 * @param etaMs     estimated time until every target is done, or -1 while unknown
 * @param throttled the servers whose throttle holds targets back at that moment, each with its measurement and
 *                  wait (e.g. {@code db:5432 (replication lag 12.5 > 10, 0:15)}); empty when none
 */
public record TargetEvent(String target, String section, String tenant, String status, int total, int done,
        int failed, int running, long elapsedMs, long etaMs, List<String> throttled) {

    public TargetEvent {
        throttled = List.copyOf(throttled);
    }

    /** An event without throttled servers. */
    public TargetEvent(String target, String section, String tenant, String status, int total, int done, int failed,
            int running, long elapsedMs, long etaMs) {
        this(target, section, tenant, status, total, done, failed, running, elapsedMs, etaMs, List.of());
    }
}
