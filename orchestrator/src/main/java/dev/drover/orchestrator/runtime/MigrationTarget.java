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
 * @param setupInRunTransaction   with {@code transactionPerMigration = false} on a database whose DDL is transactional
 *                                (PostgreSQL): a migration ({@link MigrationEngine#migrate}: upgrade or downgrade; not
 *                                stamp, repair or a two-phase prepare) also runs its setup (creating the tenant schema
 *                                when {@code createSchema}, the version and history tables) inside the run's one
 *                                transaction, so a failed run leaves nothing behind and no other session sees any of
 *                                it before the COMMIT; a {@code transactional: false} revision then fails the run
 *                                before anything changed. Ignored elsewhere (default {@code false}: the setup commits
 *                                on its own first); tenant onboarding sets it
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
        StatementLimits limits,
        boolean setupInRunTransaction) {

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
        return builder(key, jdbcUrl).build();
    }

    /**
     * A builder for a target with the two required components set. Every other component starts as in
     * {@link #of(String, String)}: {@code null} (defaulted by the canonical constructor: dialect from the URL,
     * {@code drover_version}, {@code drover_history}, 60 s lock wait, {@link StatementLimits#DEFAULT}),
     * an empty search path and placeholders, one transaction per revision, no schema creation, the setup outside
     * the run's transaction.
     *
     * @throws NullPointerException if {@code key} or {@code jdbcUrl} is {@code null}
     */
    public static Builder builder(String key, String jdbcUrl) {
        return new Builder(Objects.requireNonNull(key, "key"), Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
    }

    /** A builder holding every component of this target, to change a few of them. */
    public Builder toBuilder() {
        return builder(key, jdbcUrl).user(user).password(password).dialect(dialect).tenantSchema(tenantSchema)
                .searchPath(searchPath).versionTable(versionTable).versionTableSchema(versionTableSchema)
                .historyTable(historyTable).placeholders(placeholders).transactionPerMigration(transactionPerMigration)
                .createSchema(createSchema).lockWait(lockWait).ledgerSchema(ledgerSchema).limits(limits)
                .setupInRunTransaction(setupInRunTransaction);
    }

    /**
     * Collects the components of a {@link MigrationTarget}; {@link #build()} passes them unchanged to the
     * canonical constructor, which applies the defaults documented on the record. Not thread-safe.
     */
    public static final class Builder {
        private String key;
        private String jdbcUrl;
        private String user;
        private String password;
        private Dialect dialect;
        private String tenantSchema;
        private List<String> searchPath = List.of();
        private String versionTable;
        private String versionTableSchema;
        private String historyTable;
        private Map<String, String> placeholders = Map.of();
        private boolean transactionPerMigration = true;
        private boolean createSchema;
        private Duration lockWait;
        private String ledgerSchema;
        private StatementLimits limits;
        private boolean setupInRunTransaction;

        private Builder(String key, String jdbcUrl) {
            this.key = key;
            this.jdbcUrl = jdbcUrl;
        }

        /** @throws NullPointerException if {@code value} is {@code null} */
        public Builder key(String value) { key = Objects.requireNonNull(value, "key"); return this; }
        /** @throws NullPointerException if {@code value} is {@code null} */
        public Builder jdbcUrl(String value) { jdbcUrl = Objects.requireNonNull(value, "jdbcUrl"); return this; }
        public Builder user(String value) { user = value; return this; }
        public Builder password(String value) { password = value; return this; }
        public Builder dialect(Dialect value) { dialect = value; return this; }
        public Builder tenantSchema(String value) { tenantSchema = value; return this; }
        public Builder searchPath(List<String> value) { searchPath = value; return this; }
        public Builder versionTable(String value) { versionTable = value; return this; }
        public Builder versionTableSchema(String value) { versionTableSchema = value; return this; }
        public Builder historyTable(String value) { historyTable = value; return this; }
        public Builder placeholders(Map<String, String> value) { placeholders = value; return this; }
        public Builder transactionPerMigration(boolean value) { transactionPerMigration = value; return this; }
        public Builder createSchema(boolean value) { createSchema = value; return this; }
        public Builder lockWait(Duration value) { lockWait = value; return this; }
        public Builder ledgerSchema(String value) { ledgerSchema = value; return this; }
        public Builder limits(StatementLimits value) { limits = value; return this; }
        public Builder setupInRunTransaction(boolean value) { setupInRunTransaction = value; return this; }

        /** The target; {@code null} components get the record's defaults. */
        public MigrationTarget build() {
            return new MigrationTarget(key, jdbcUrl, user, password, dialect, tenantSchema, searchPath, versionTable,
                    versionTableSchema, historyTable, placeholders, transactionPerMigration, createSchema, lockWait,
                    ledgerSchema, limits, setupInRunTransaction);
        }
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
        return selector(key);
    }

    /**
     * As {@link #selector()}, for the target with key {@code key} ({@code section} or {@code section/tenant}).
     */
    public static String selector(String key) {
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
        return toBuilder().tenantSchema(schema).build();
    }

    public MigrationTarget withCredentials(String newUser, String newPassword) {
        return toBuilder().user(newUser).password(newPassword).build();
    }

    public MigrationTarget withTables(String newVersionTable, String newVersionTableSchema, String newHistoryTable) {
        return toBuilder().versionTable(newVersionTable).versionTableSchema(newVersionTableSchema)
                .historyTable(newHistoryTable).build();
    }

    public MigrationTarget withPlaceholders(Map<String, String> values) {
        return toBuilder().placeholders(values).build();
    }

    public MigrationTarget withTransactionPerMigration(boolean perMigration) {
        return toBuilder().transactionPerMigration(perMigration).build();
    }

    public MigrationTarget withCreateSchema(boolean create) {
        return toBuilder().createSchema(create).build();
    }

    public MigrationTarget withSearchPath(List<String> path) {
        return toBuilder().searchPath(path).build();
    }

    public MigrationTarget withLockWait(Duration wait) {
        return toBuilder().lockWait(wait).build();
    }

    public MigrationTarget withLimits(StatementLimits newLimits) {
        return toBuilder().limits(newLimits).build();
    }

    /** This target with {@link #setupInRunTransaction} set to {@code inRunTransaction}. */
    public MigrationTarget withSetupInRunTransaction(boolean inRunTransaction) {
        return toBuilder().setupInRunTransaction(inRunTransaction).build();
    }

    /** This target with its database's fleet ledger in {@code schema} ({@code null}: none). */
    public MigrationTarget withLedger(String schema) {
        return toBuilder().ledgerSchema(schema).build();
    }

    @Override
    public String toString() {
        return "MigrationTarget[key=" + key + ", url=" + maskedUrl() + ", user=" + user + ", password="
                + (password == null ? "null" : "***") + ", dialect=" + dialect.name() + ", tenantSchema=" + tenantSchema
                + ", searchPath=" + searchPath + ", versionTable=" + versionTable + ", versionTableSchema="
                + versionTableSchema + ", historyTable=" + historyTable + ", placeholders=" + placeholders.keySet()
                + ", transactionPerMigration=" + transactionPerMigration + ", createSchema=" + createSchema
                + ", lockWait=" + lockWait + ", ledgerSchema=" + ledgerSchema + ", limits=" + limits + ", setupInRunTransaction=" + setupInRunTransaction + "]";
    }
}
