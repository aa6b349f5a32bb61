package dev.drover.api;

/**
 * What {@link Drover#offboard} did, or would do without {@code drop}.
 *
 * @param target  the target key, {@code section/tenant}
 * @param schema  the tenant's schema (MariaDB: database)
 * @param existed whether it existed
 * @param dropped whether this call dropped it
 */
public record Offboarding(String target, String schema, boolean existed, boolean dropped) {}
