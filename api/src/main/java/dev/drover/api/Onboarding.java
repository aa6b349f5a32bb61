package dev.drover.api;

import java.util.Objects;

/**
 * What {@link Drover#onboard} did.
 *
 * @param target     the target key, {@code section/tenant}
 * @param created    whether this call created the tenant's schema (MariaDB: database)
 * @param rolledBack whether the migration failed and what this call created was dropped again, leaving
 *                   nothing behind
 * @param leftBehind what a failed onboarding could not remove (e.g. {@code schema 'newco': DROP failed ...}),
 *                   or {@code null} when nothing was left
 * @param report     the migration to head; {@link FleetReport#succeeded()} says whether the tenant is ready
 */
public record Onboarding(String target, boolean created, boolean rolledBack, String leftBehind, FleetReport report) {

    public Onboarding {
        Objects.requireNonNull(report, "report");
    }

    /** Whether the tenant is at head and ready for use. */
    public boolean succeeded() {
        return report.succeeded();
    }
}
