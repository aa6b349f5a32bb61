package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.dialect.Dialects;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One migration target: a database (and optionally a tenant schema in it) with its version table.
 * The password is never printed: {@link #toString()} masks it and {@link #maskedUrl()} strips URL credentials.
 *
 * @param key                     report key, e.g. {@code billing/acme}
 * @param jdbcUrl                 JDBC URL (may carry credentials as parameters)
 * @param user                    user, or {@code null} when the URL carries it
 * @param password                password, or {@code null}
 * @param dialect                 chosen from the URL when {@code null}
 * @param tenantSchema            schema (MariaDB: database) selected for this tenant, or {@code null}
 * @param searchPath              explicit PostgreSQL search path (rendered), empty for {@code tenantSchema} alone
 * @param versionTable            default {@code drover_version}
 * @param versionTableSchema      schema of the version and history tables; {@code null} means {@code tenantSchema}
 * @param historyTable            default {@code drover_history}
 * @param placeholders            values for {@code ${tenant}}, {@code ${schema}}, {@code ${database}}, {@code ${x.NAME}} (keys without {@code ${}})
 * @param transactionPerMigration one transaction per revision (default) or one per target run
 * @param createSchema            create {@code tenantSchema} if missing before migrating
 * @param lockWait                how long to wait for the target lock (default 60 s)
 * @param ledgerSchema            PostgreSQL: the schema of the database's fleet ledger
 *                                ({@link dev.drover.orchestrator.store.FleetLedger}), or {@code null} for none
 * @param limits                  lock and statement timeouts of each migration statement ({@link StatementLimits#DEFAULT})
 */
public record MigrationTarget(
        String key,
        String jdbcUrl,
        String user,
        String password,
        Dialect dialect,
        String tenantSchema,
        List<String> searchPath,
        String versionTable,
        String versionTableSchema,
        String historyTable,
        Map<String, String> placeholders,
        boolean transactionPerMigration,
        boolean createSchema,
        Duration lockWait,
        String ledgerSchema,
        StatementLimits limits) {

    public static final String DEFAULT_VERSION_TABLE = "drover_version";
    public static final String DEFAULT_HISTORY_TABLE = "drover_history";
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

    public MigrationTarget {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        dialect = dialect == null ? Dialects.forUrl(jdbcUrl) : dialect;
        searchPath = searchPath == null ? List.of() : List.copyOf(searchPath);
        versionTable = versionTable == null ? DEFAULT_VERSION_TABLE : versionTable;
        historyTable = historyTable == null ? DEFAULT_HISTORY_TABLE : historyTable;
        placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
        lockWait = lockWait == null ? DEFAULT_LOCK_WAIT : lockWait;
        limits = limits == null ? StatementLimits.DEFAULT : limits;
    }

    /** A target with every default: no tenant, {@code drover_version}, one transaction per revision. */
    public static MigrationTarget of(String key, String jdbcUrl) {
        return new MigrationTarget(key, jdbcUrl, null, null, null, null, List.of(), null, null, null, Map.of(),
                true, false, null, null, null);
    }

    /** The schema holding the version and history tables ({@code null}: the connection's current one). */
    public String versionSchema() {
        return versionTableSchema != null ? versionTableSchema : tenantSchema;
    }

    /** The URL without any user, password or other credential, for messages and reports. */
    public String maskedUrl() {
        return jdbcUrl.replaceAll("//[^/@?;]*@", "//")
                .replaceAll("(?i)([?&;](password|pwd|user|username)=)[^&;]*", "$1***");
    }

    /**
     * The command-line options that select exactly this target, for the commands a message tells the
     * user to run: {@code -n SECTION}, plus {@code -t TENANT} for a tenant, taken from the key
     * {@code section/tenant} (tenant names never contain {@code /}). A value with characters other than
     * letters, digits and {@code _ . -} is single-quoted for a POSIX shell.
     */
    public String selector() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "-n " + shellWord(key)
                : "-n " + shellWord(key.substring(0, slash)) + " -t " + shellWord(key.substring(slash + 1));
    }

    private static String shellWord(String value) {
        return value.matches("[A-Za-z0-9_.-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    /** The database address (no credentials, no parameters): part of the target lock identity. */
    public String databaseAddress() {
        return maskedUrl().replaceAll("[?;].*$", "");
    }

    public MigrationTarget withTenant(String schema) {
        return new MigrationTarget(key, jdbcUrl, user, password, dialect, schema, searchPath, versionTable,
                versionTableSchema, historyTable, placeholders, transactionPerMigration, createSchema, lockWait, ledgerSchema, limits);
    }

    public MigrationTarget withCredentials(String newUser, String newPassword) {
        return new MigrationTarget(key, jdbcUrl, newUser, newPassword, dialect, tenantSchema, searchPath, versionTable,
                versionTableSchema, historyTable, placeholders, transactionPerMigration, createSchema, lockWait, ledgerSchema, limits);
    }

    public MigrationTarget withTables(String newVersionTable, String newVersionTableSchema, String newHistoryTable) {
        return new MigrationTarget(key, jdbcUrl, user, password, dialect, tenantSchema, searchPath, newVersionTable,
                newVersionTableSchema, newHistoryTable, placeholders, transactionPerMigration, createSchema, lockWait, ledgerSchema, limits);
    }

    public MigrationTarget withPlaceholders(Map<String, String> values) {
        return new MigrationTarget(key, jdbcUrl, user, password, dialect, tenantSchema, searchPath, versionTable,
                versionTableSchema, historyTable, values, transactionPerMigration, createSchema, lockWait, ledgerSchema, limits);
    }

    public MigrationTarget withTransactionPerMigration(boolean perMigration) {
        return new MigrationTarget(key, jdbcUrl, user, password, dialect, tenantSchema, searchPath, versionTable,
                versionTableSchema, historyTable, placeholders, perMigration, createSchema, lockWait, ledgerSchema, limits);
    }

    public MigrationTarget withCreateSchema(boolean create) {
        return new MigrationTarget(key, jdbcUrl, user, password, dialect, tenantSchema, searchPath, versionTable,
                versionTableSchema, historyTable, placeholders, transactionPerMigration, create, lockWait, ledgerSchema, limits);
    }

    public MigrationTarget withSearchPath(List<String> path) {
        return new MigrationTarget(key, jdbcUrl, user, password, dialect, tenantSchema, path, versionTable,
                versionTableSchema, historyTable, placeholders, transactionPerMigration, createSchema, lockWait, ledgerSchema, limits);
    }

    public MigrationTarget withLockWait(Duration wait) {
        return new MigrationTarget(key, jdbcUrl, user, password, dialect, tenantSchema, searchPath, versionTable,
                versionTableSchema, historyTable, placeholders, transactionPerMigration, createSchema, wait, ledgerSchema, limits);
    }

    public MigrationTarget withLimits(StatementLimits newLimits) {
        return new MigrationTarget(key, jdbcUrl, user, password, dialect, tenantSchema, searchPath, versionTable,
                versionTableSchema, historyTable, placeholders, transactionPerMigration, createSchema, lockWait,
                ledgerSchema, newLimits);
    }

    /** This target with its database's fleet ledger in {@code schema} ({@code null}: none). */
    public MigrationTarget withLedger(String schema) {
        return new MigrationTarget(key, jdbcUrl, user, password, dialect, tenantSchema, searchPath, versionTable,
                versionTableSchema, historyTable, placeholders, transactionPerMigration, createSchema, lockWait, schema, limits);
    }

    @Override
    public String toString() {
        return "MigrationTarget[key=" + key + ", url=" + maskedUrl() + ", user=" + user + ", password="
                + (password == null ? "null" : "***") + ", dialect=" + dialect.name() + ", tenantSchema=" + tenantSchema
                + ", searchPath=" + searchPath + ", versionTable=" + versionTable + ", versionTableSchema="
                + versionTableSchema + ", historyTable=" + historyTable + ", placeholders=" + placeholders.keySet()
                + ", transactionPerMigration=" + transactionPerMigration + ", createSchema=" + createSchema
                + ", lockWait=" + lockWait + ", ledgerSchema=" + ledgerSchema + ", limits=" + limits + "]";
    }
}
