package dev.drover.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * What a {@link JavaMigration} gets for one target: the tenant, its schema, the dialect, the placeholders, and
 * either a live connection (online) or nothing but a recorder (offline SQL).
 */
public interface JavaMigrationContext {

    /** The tenant, or {@code null} for a section without tenants. */
    String tenant();

    /** The tenant's schema (MariaDB: database) selected on the connection, or {@code null} for the default. */
    String schema();

    /** The section ({@code ${database}}). */
    String database();

    /** {@code postgresql}, {@code mariadb} or {@code h2}. */
    String dialect();

    /** The placeholder values ({@code tenant}, {@code schema}, {@code database}, {@code x.NAME}). */
    Map<String, String> placeholders();

    /** Whether this is offline SQL ({@code --sql}): {@link #execute} records, {@link #connection()} refuses. */
    boolean offline();

    /**
     * Runs {@code sql} on the target in the revision's transaction (offline: writes it into the SQL output).
     * Statements run this way count in the history row and appear in offline SQL.
     *
     * @throws SQLException when the database refuses it
     */
    void execute(String sql) throws SQLException;

    /**
     * The target's connection, tenant already selected, inside the revision's transaction: read with it, write
     * with prepared statements; never commit, roll back or change auto-commit.
     *
     * @throws UnsupportedOperationException in offline SQL, where there is no connection: the run is refused
     *                                       naming the class; use only {@link #execute} to be writable offline
     */
    Connection connection();
}
