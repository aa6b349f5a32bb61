package dev.drover.api;

import java.util.List;

/**
 * What {@link Drover#check(Selection, Check)} found.
 *
 * @param status              every target's state, read from its own tables when the check was
 *                            {@link Check#deep deep}
 * @param ledgerDisagreements with a deep check, one line per target whose fleet-ledger row disagrees with its
 *                            own tables (naming the target and what differs); otherwise empty
 * @param drift               the schema comparison when the check {@link Check#drift compares schemas}, else
 *                            {@code null}
 */
public record CheckReport(StatusReport status, List<String> ledgerDisagreements, DriftReport drift) {

    public CheckReport {
        ledgerDisagreements = List.copyOf(ledgerDisagreements);
    }

    /**
     * The deploy gate ({@code drover check} exits 0 exactly then): every target passes
     * {@link StatusReport#checkPassed()}, no ledger row disagrees, and no target or server group drifted
     * (a target whose schema could not be read fails through its status, not through the drift).
     */
    public boolean passed() {
        return status.checkPassed() && ledgerDisagreements.isEmpty() && !drifted();
    }

    /** Whether a schema comparison was made and found a drifted target or server group. */
    public boolean drifted() {
        return drift != null && !(drift.drifted().isEmpty() && drift.servers().isEmpty());
    }
}
