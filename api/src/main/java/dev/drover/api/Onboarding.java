package dev.drover.api;

import java.util.Objects;

/**
 * What {@link Drover#onboard} did.
 *
 * @param target         the target key, {@code section/tenant}
 * @param home           where the tenant lives: {@code schema} (MariaDB {@code USE} per tenant: {@code database}),
 *                       {@code database} for a database per tenant ({@code {tenant}} in the url), or {@code null}
 *                       when Drover creates none (H2 database per tenant, a single target)
 * @param created        whether this call created the tenant's schema or database (with {@code oneTransaction}:
 *                       in the transaction, which a failure rolled back)
 * @param oneTransaction whether {@code CREATE SCHEMA}, the version and history tables and every revision ran in one
 *                       transaction (PostgreSQL, a new schema, no {@code transactional: false} revision), so that a
 *                       failure was undone by its rollback alone and no other session saw the schema before the
 *                       COMMIT; {@code false}: what this call created was created first, committed, and on failure
 *                       dropped again
 * @param rolledBack     whether the migration failed and what this call created is gone again, leaving nothing
 *                       behind: rolled back with the one transaction, or dropped
 * @param leftBehind     what a failed onboarding could not remove (e.g. {@code schema 'newco' (DROP failed ...)},
 *                       or, with {@code oneTransaction}, the schema still there because the COMMIT landed though its
 *                       answer was lost), or {@code null} when nothing was left
 * @param report         the migration to head; {@link FleetReport#succeeded()} says whether the tenant is ready
 */
public record Onboarding(String target, String home, boolean created, boolean oneTransaction, boolean rolledBack,
        String leftBehind, FleetReport report) {

    public Onboarding {
        Objects.requireNonNull(report, "report");
    }

    /** Whether the tenant is at head and ready for use. */
    public boolean succeeded() {
        return report.succeeded();
    }
}
