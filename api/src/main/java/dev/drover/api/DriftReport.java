package dev.drover.api;

import java.util.List;

/**
 * What {@link Drover#drift} found ({@code drover drift}): targets whose schema is not what their revision
 * says, compared only with targets of the same server at the same revision. The command line's text and JSON
 * are written from this value.
 *
 * @param groups     the targets of one server at one revision, each group compared within itself
 * @param drifted    the targets whose schema differs from what they were compared with, in rollout order
 * @param servers    groups whose targets agree with each other but not with what their revision produced on the
 *                   first target that reached it (recorded by {@code upgrade})
 * @param unreadable the targets whose schema or revision could not be read, each with its error (never
 *                   compared)
 */
public record DriftReport(List<Group> groups, List<DriftedTarget> drifted, List<ServerDrift> servers,
        List<Unreadable> unreadable) {

    public DriftReport {
        groups = List.copyOf(groups);
        drifted = List.copyOf(drifted);
        servers = List.copyOf(servers);
        unreadable = List.copyOf(unreadable);
    }

    /** Nothing drifted and every target was read: {@code drover drift} would exit 0. */
    public boolean clean() {
        return drifted.isEmpty() && servers.isEmpty() && unreadable.isEmpty();
    }

    /** How many targets were looked at: those of every group and the unreadable ones. */
    public int targetCount() {
        return groups.stream().mapToInt(Group::targets).sum() + unreadable.size();
    }

    /**
     * The targets of one server at one revision.
     *
     * @param server       the server ({@code host:port})
     * @param revision     the heads they are at, joined by a space ({@code <base>} for none)
     * @param targets      how many targets the group has
     * @param comparedWith what they were compared with: {@code majority (47 of 50 targets)},
     *                     {@code reference 'acme'}, or {@code first of 2 equally large groups (...)}
     * @param fingerprint  the hash of the schema the odd ones out were compared with
     * @param variants     how many distinct schemas the group's targets have (1: all agree)
     */
    public record Group(String server, String revision, int targets, String comparedWith, String fingerprint,
            int variants) {}

    /**
     * One target that differs.
     *
     * @param target       the target key ({@code section/tenant})
     * @param server       its server
     * @param revision     its revision, as in {@link Group#revision()}
     * @param comparedWith what it was compared with, as in {@link Group#comparedWith()}
     * @param fingerprint  the hash of its schema
     * @param differences  each difference as {@code drover drift} prints it, e.g. {@code index ix_orders_created
     *                     missing} or {@code column invoices.total: numeric(14,2) != numeric(12,2)}
     * @param changes      the same differences, structured, in the same order
     * @param repairSql    the statements that bring the target back where that is mechanical (missing or
     *                     extra index, missing view), with a {@code -- not mechanical: ...} comment for the rest
     */
    public record DriftedTarget(String target, String server, String revision, String comparedWith,
            String fingerprint, List<String> differences, List<Difference> changes, List<String> repairSql) {

        public DriftedTarget {
            differences = List.copyOf(differences);
            changes = List.copyOf(changes);
            repairSql = List.copyOf(repairSql);
        }
    }

    /**
     * A server whose targets at {@code revision} agree with each other, but not with what that revision produced
     * on {@code recordedOn} when {@code upgrade} first reached it.
     *
     * @param server      the server
     * @param revision    the revision
     * @param recordedOn  the target key whose schema was recorded for that revision
     * @param differences what differs, structured
     */
    public record ServerDrift(String server, String revision, String recordedOn, List<Difference> differences) {

        public ServerDrift {
            differences = List.copyOf(differences);
        }
    }

    /**
     * One schema difference.
     *
     * @param change   {@code missing}, {@code extra} or {@code changed}
     * @param kind     the kind of object: {@code table}, {@code column}, {@code index}, ...
     * @param table    the table the object belongs to, or {@code null} for a table-level object
     * @param name     the object's name
     * @param expected the expected definition, or {@code null} when the object is extra
     * @param actual   the actual definition, or {@code null} when the object is missing
     * @param message  the difference on one line, as {@link DriftedTarget#differences()} has it
     */
    public record Difference(String change, String kind, String table, String name, String expected, String actual,
            String message) {}

    /**
     * A target that was not compared.
     *
     * @param target the target key
     * @param error  why its schema or revision could not be read
     */
    public record Unreadable(String target, String error) {}
}
