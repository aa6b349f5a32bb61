package dev.drover.api;

/**
 * One resolved target ({@code drover targets}): safe to print (the url has no credentials).
 *
 * @param target             {@code section} or {@code section/tenant}
 * @param section            the section
 * @param tenant             the tenant, or {@code null}
 * @param schema             the tenant's schema, or {@code null}
 * @param database           the database
 * @param url                the JDBC URL with credentials masked
 * @param dialect            {@code postgresql}, {@code mariadb} or {@code h2}
 * @param versionTable       the version table
 * @param versionTableSchema the schema of the version table when the section sets one, else {@code null} (the
 *                           target's own schema)
 * @param twoPhase           the section's {@code two_phase} on PostgreSQL; {@code null} on other databases, where
 *                           two-phase commit does not exist
 */
public record TargetInfo(String target, String section, String tenant, String schema, String database, String url,
        String dialect, String versionTable, String versionTableSchema, Boolean twoPhase) {

    /** A target without a version-table schema and without two-phase commit. */
    public TargetInfo(String target, String section, String tenant, String schema, String database, String url,
            String dialect, String versionTable) {
        this(target, section, tenant, schema, database, url, dialect, versionTable, null, null);
    }

    /** The version table as {@code schema.table} when {@link #versionTableSchema()} is set, else the table. */
    public String qualifiedVersionTable() {
        return versionTableSchema == null ? versionTable : versionTableSchema + "." + versionTable;
    }
}
