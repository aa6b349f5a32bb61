package dev.drover.orchestrator.twophase;

import java.util.List;

/** Everything {@code drover recover} saw: empty when nothing was in doubt (e.g. a second run). */
public record RecoveryResult(List<RecoveredTransaction> transactions) {

    public RecoveryResult {
        transactions = List.copyOf(transactions);
    }

    /** Some transaction is still in doubt (orphan without force, busy, unreachable, failed): the CLI exits with 4. */
    public boolean unresolved() {
        return transactions.stream().anyMatch(t -> !t.action().resolved());
    }
}
