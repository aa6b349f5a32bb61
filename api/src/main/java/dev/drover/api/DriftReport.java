package dev.drover.api;

import java.util.List;

/**
 * What {@link Drover#drift} found ({@code drover drift}): targets whose schema is not what their revision
 * says, compared only with targets of the same server at the same revision.
 *
 * @param drifted    the targets whose schema differs from what they were compared with, in rollout order
 * @param servers    server-wide differences: a server whose tenants agree with each other but not with what
 *                   their revision produced on the first target that reached it, one line each
 * @param unreadable the targets whose schema or revision could not be read, each with its error (never
 *                   compared)
 */
public record DriftReport(List<DriftedTarget> drifted, List<String> servers, List<String> unreadable) {

    public DriftReport {
        drifted = List.copyOf(drifted);
        servers = List.copyOf(servers);
        unreadable = List.copyOf(unreadable);
    }

    /** Nothing drifted and every target was read: {@code drover drift} would exit 0. */
    public boolean clean() {
        return drifted.isEmpty() && servers.isEmpty() && unreadable.isEmpty();
    }

    /**
     * One target that differs.
     *
     * @param target       the target key ({@code section/tenant})
     * @param comparedWith what it was compared with: {@code majority (47 of 50 targets)} or {@code reference 'acme'}
     * @param differences  each difference as {@code drover drift} prints it, e.g. {@code index ix_orders_created
     *                     missing} or {@code column invoices.total: numeric(14,2) != numeric(12,2)}
     * @param repairSql    the statements that bring the target back where that is mechanical (missing or
     *                     extra index, missing view), with a {@code -- not mechanical: ...} comment for the rest
     */
    public record DriftedTarget(String target, String comparedWith, List<String> differences, List<String> repairSql) {

        public DriftedTarget {
            differences = List.copyOf(differences);
            repairSql = List.copyOf(repairSql);
        }
    }
}
