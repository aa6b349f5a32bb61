package dev.drover.registry;

/**
 * The tenants of {@code tenants = query:} sections when no connection may be opened (offline SQL):
 * the names the user gave instead of the query's result.
 *
 * @param names a {@link TenantSource.Listed} or {@link TenantSource.FromFile} holding the names, or
 *              {@code null} when none were given, in which case such a section is refused with a
 *              message saying how to give them
 */
public record OfflineTenants(TenantSource names) {

    public OfflineTenants {
        if (names != null && !(names instanceof TenantSource.Listed || names instanceof TenantSource.FromFile)) {
            throw new IllegalArgumentException("offline tenants come from a list or a file, not " + names);
        }
    }
}
