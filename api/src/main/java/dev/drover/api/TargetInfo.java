package dev.drover.api;

/**
 * One resolved target ({@code drover targets}): safe to print (the url has no credentials).
 *
 * @param target       {@code section} or {@code section/tenant}
 * @param section      the section
 * @param tenant       the tenant, or {@code null}
 * @param schema       the tenant's schema, or {@code null}
 * @param database     the database
 * @param url          the JDBC URL with credentials masked
 * @param dialect      {@code postgresql}, {@code mariadb} or {@code h2}
 * @param versionTable the version table
 */
public record TargetInfo(String target, String section, String tenant, String schema, String database, String url,
        String dialect, String versionTable) {}
