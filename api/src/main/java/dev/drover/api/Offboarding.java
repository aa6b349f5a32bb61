package dev.drover.api;

/**
 * What {@link Drover#offboard} did, or would do without {@code drop}.
 *
 * @param target  the target key, {@code section/tenant}
 * @param home    {@code schema} or {@code database}: what {@code drop} removes
 * @param name    the tenant's schema or database name
 * @param existed whether it existed
 * @param dropped whether this call dropped it
 */
public record Offboarding(String target, String home, String name, boolean existed, boolean dropped) {}
