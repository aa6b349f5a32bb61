package dev.drover.api;

import java.util.List;

/**
 * What {@link Drover#recover} did with in-doubt two-phase transactions.
 *
 * @param transactions each transaction found, with the action taken
 */
public record RecoveryReport(List<Transaction> transactions) {

    public RecoveryReport {
        transactions = List.copyOf(transactions);
    }

    /** Whether some transaction is still in doubt (call {@link Drover#recover} again once its server is back). */
    public boolean unresolved() {
        return transactions.stream().anyMatch(t -> !t.resolved());
    }

    /**
     * @param gid      the prepared transaction's global id
     * @param target   the target key, or {@code null} when no journal knows it
     * @param action   {@code committed}, {@code rolled back}, or what kept it in doubt
     * @param detail   why, or {@code null}
     * @param resolved whether it is no longer in doubt
     */
    public record Transaction(String gid, String target, String action, String detail, boolean resolved) {}
}
