package dev.drover.registry;

/**
 * A tenant name that was not turned into a target. The name is never sent to a database.
 *
 * @param section the section that listed or discovered it
 * @param name the name as found (may be hostile; quote it when displaying)
 * @param reason why it was rejected, e.g. "does not match [A-Za-z_][A-Za-z0-9_$-]*"
 */
public record RejectedTenant(String section, String name, String reason) {
}
