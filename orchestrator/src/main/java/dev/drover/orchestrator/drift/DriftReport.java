package dev.drover.orchestrator.drift;

import java.util.List;
import java.util.Map;

/**
 * What {@code drover drift} found.
 *
 * @param groups     the targets of one server at one revision, each group compared within itself
 * @param drifted    the targets whose schema differs from what they were compared with, in rollout order
 * @param servers    groups whose agreed schema differs from what their revision produced on the first target
 *                   that reached it (recorded by {@code upgrade})
 * @param unreadable targets whose schema or revision could not be read (never compared)
 */
public record DriftReport(List<Group> groups, List<Drifted> drifted, List<ServerDrift> servers,
        List<DriftTarget> unreadable) {

    public DriftReport {
        groups = List.copyOf(groups);
        drifted = List.copyOf(drifted);
        servers = List.copyOf(servers);
        unreadable = List.copyOf(unreadable);
    }

    /** Nothing drifted and every target was read. */
    public boolean clean() {
        return drifted.isEmpty() && servers.isEmpty() && unreadable.isEmpty();
    }

    /**
     * The targets of one server at one revision.
     *
     * @param server       the server
     * @param revision     the heads they are at
     * @param variants     the distinct fingerprints (hash) with the keys of the targets that have them, largest first
     * @param comparedWith what the targets were compared with: {@code majority (47 of 50 targets)},
     *                     {@code reference 'acme'}, or {@code first of 2 equally large groups (...)}
     * @param expected     the fingerprint the odd ones out were compared with
     */
    public record Group(String server, String revision, Map<String, List<String>> variants, String comparedWith,
            SchemaFingerprint expected) {

        public int targets() {
            return variants.values().stream().mapToInt(List::size).sum();
        }
    }

    /**
     * One target that differs.
     *
     * @param target       the target
     * @param comparedWith as in {@link Group#comparedWith()}
     * @param differences  what differs, in fingerprint order
     */
    public record Drifted(DriftTarget target, String comparedWith, List<SchemaDifference> differences) {

        public String key() {
            return target.key();
        }
    }

    /**
     * A server whose targets at {@code revision} agree with each other, but not with what that revision
     * produced on {@code source} when {@code upgrade} first reached it.
     */
    public record ServerDrift(String server, String revision, String source, List<SchemaDifference> differences) {}
}
