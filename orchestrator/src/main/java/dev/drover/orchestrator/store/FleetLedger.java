package dev.drover.orchestrator.store;

import dev.drover.orchestrator.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A PostgreSQL database's fleet ledger: one row per target (version schema and table) holding what
 * its version and history tables say, so that reading 10,000 tenants is one query instead of
 * opening 20,000 tables. The tables stay the truth; the ledger is only believed where it provably
 * agrees with them:
 * <ul>
 *   <li>A row is written from the target's own tables by {@code drover_ledger_write} (SQL, so it
 *       copies what the tables hold, not what Drover meant to write) in the same transaction as the
 *       target's last version-table change of a run;</li>
 *   <li>a statement trigger on both tables ({@code drover_ledger_stale}, {@code SECURITY DEFINER})
 *       deletes the row in the same transaction as any other change to them, by Drover, Alembic or
 *       hand, including {@code TRUNCATE};</li>
 *   <li>a row is used only while its tables are the ones it was written for (same OIDs, so a table
 *       dropped and recreated or restored from a backup does not match) and both triggers exist and
 *       are enabled.</li>
 * </ul>
 * Anything else (no row, a mismatch, no ledger table) falls back to reading the target's tables.
 * What it cannot see: a change made while triggers are bypassed ({@code session_replication_role =
 * replica}, as logical replication applies changes); {@code drover check --deep} reads every
 * target's tables and reports such rows.
 *
 * <p>A row's history is reduced to what the fleet commands use: every {@code started} row, and the
 * latest row of each revision and status; one line per row ({@code revision direction status
 * statement_count checksum}, {@code -} for no checksum), in the order they were written.
 */
public final class FleetLedger {

    /** The ledger table and trigger names. */
    public static final String TABLE = "drover_ledger";
    static final String TRIGGER = "drover_ledger_stale";

    private final Dialect dialect;
    private final String schema;

    /** @param schema the schema holding the ledger table and its functions (e.g. {@code public}) */
    public FleetLedger(Dialect dialect, String schema) {
        this.dialect = dialect;
        this.schema = schema;
    }

    private String table() {
        return dialect.qualify(schema, TABLE);
    }

    private String function(String name) {
        return dialect.qualify(schema, name);
    }

    /**
     * The ledger table and its two functions, created or replaced: run once per database and run
     * (the functions carry no state, so replacing them is harmless while other sessions use them).
     */
    public List<String> install() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + table() + " (version_schema text NOT NULL, version_table text NOT NULL,"
                        + " version_oid oid NOT NULL, history_oid oid NOT NULL, heads text NOT NULL, history text NOT NULL,"
                        + " history_digest text NOT NULL, run_id text NOT NULL, written_at timestamptz NOT NULL,"
                        + " PRIMARY KEY (version_schema, version_table))",
                "CREATE OR REPLACE FUNCTION " + function(TRIGGER) + "() RETURNS trigger LANGUAGE plpgsql"
                        + " SECURITY DEFINER SET search_path = pg_catalog AS $drover$\nBEGIN\n"
                        + "  DELETE FROM " + table() + " WHERE version_schema = TG_TABLE_SCHEMA AND version_table = TG_ARGV[0];\n"
                        + "  RETURN NULL;\nEND\n$drover$",
                "CREATE OR REPLACE FUNCTION " + function("drover_ledger_write") + "(s text, vt text, ht text, run text)"
                        + " RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog AS $drover$\n"
                        + "DECLARE\n  v_oid oid := to_regclass(format('%I.%I', s, vt));\n"
                        + "  h_oid oid := to_regclass(format('%I.%I', s, ht));\n  v_heads text;\n  v_history text;\n"
                        + "BEGIN\n"
                        + "  IF v_oid IS NULL OR h_oid IS NULL THEN RETURN; END IF;\n"
                        + createTriggerIfMissing("v_oid", "vt")
                        + createTriggerIfMissing("h_oid", "ht")
                        + "  EXECUTE format('SELECT coalesce(string_agg(version_num, '' '' ORDER BY version_num), '''') FROM %I.%I',"
                        + " s, vt) INTO v_heads;\n"
                        + "  EXECUTE format($q$SELECT coalesce(string_agg(concat_ws(' ', revision, direction, status,"
                        + " statement_count, coalesce(checksum, '-')), E'\\n' ORDER BY started_at NULLS LAST, revision), '')"
                        + " FROM (SELECT revision, direction, status, statement_count, checksum, started_at FROM %1$I.%2$I"
                        + " WHERE status = 'started' UNION ALL (SELECT DISTINCT ON (revision, status) revision, direction,"
                        + " status, statement_count, checksum, started_at FROM %1$I.%2$I WHERE status <> 'started'"
                        + " ORDER BY revision, status, started_at DESC NULLS LAST)) r$q$, s, ht) INTO v_history;\n"
                        + "  INSERT INTO " + table() + " VALUES (s, vt, v_oid, h_oid, v_heads, v_history, md5(v_history), run,"
                        + " clock_timestamp())\n"
                        + "  ON CONFLICT (version_schema, version_table) DO UPDATE SET version_oid = EXCLUDED.version_oid,"
                        + " history_oid = EXCLUDED.history_oid, heads = EXCLUDED.heads, history = EXCLUDED.history,"
                        + " history_digest = EXCLUDED.history_digest, run_id = EXCLUDED.run_id, written_at = EXCLUDED.written_at;\n"
                        + "EXCEPTION WHEN OTHERS THEN\n"
                        + "  -- the ledger only saves reading time: a failure here must never fail a migration\n"
                        + "  RETURN;\nEND\n$drover$");
    }

    private String createTriggerIfMissing(String oid, String tableArgument) {
        return "  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = " + oid + " AND tgname = '" + TRIGGER + "') THEN\n"
                + "    EXECUTE format('CREATE TRIGGER " + TRIGGER + " AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I.%I"
                + " FOR EACH STATEMENT EXECUTE FUNCTION " + function(TRIGGER).replace("'", "''") + "(%L)', s, "
                + tableArgument + ", vt);\n  END IF;\n";
    }

    /**
     * The statement that writes the row of {@code store}'s tables in {@code versionSchema} from what they
     * hold now, to run last in the transaction that changed them (it also installs the triggers on
     * tables that lack them). Never fails the transaction.
     */
    public String write(VersionStore store, String versionSchema, String runId) {
        return "SELECT " + function("drover_ledger_write") + "(" + dialect.literal(versionSchema) + ", "
                + dialect.literal(store.versionTable()) + ", " + dialect.literal(store.historyTable()) + ", "
                + dialect.literal(runId) + ")";
    }

    /**
     * Every row. Columns: version schema, version table, version table OID, history table OID, heads
     * (space-separated), history digest (see {@link #historiesQuery}). Whether a row may be believed is
     * decided against {@link #relationsQuery} and {@link #guardedQuery} (see {@link #believable}): three
     * plain queries whose plans do not depend on catalog statistics, which are often stale right after
     * thousands of tables were created.
     */
    public String rowsQuery() {
        return "SELECT version_schema, version_table, version_oid, history_oid, heads, history_digest FROM " + table();
    }

    /** The relations named {@code tables} in any schema. Columns: OID, schema, name. */
    public String relationsQuery(java.util.Collection<String> tables) {
        return "SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relname IN ("
                + tables.stream().distinct().map(dialect::literal).collect(Collectors.joining(", ")) + ")";
    }

    /** The OIDs of the tables whose ledger trigger exists and is enabled. */
    public String guardedQuery() {
        return "SELECT tgrelid FROM pg_catalog.pg_trigger WHERE tgname = '" + TRIGGER + "' AND tgenabled = 'O'";
    }

    /** A relation as {@link #relationsQuery} lists it. */
    public record Relation(String schema, String name) {}

    /**
     * Whether a row may stand for the target's tables: both OIDs name the target's version and history
     * tables in its version schema (a table dropped and recreated, or restored, has a new OID), and
     * both carry an enabled ledger trigger.
     */
    public static boolean believable(long versionOid, long historyOid, String versionSchema, String versionTable,
            String historyTable, java.util.Map<Long, Relation> relations, java.util.Set<Long> guarded) {
        return new Relation(versionSchema, versionTable).equals(relations.get(versionOid))
                && new Relation(versionSchema, historyTable).equals(relations.get(historyOid))
                && guarded.contains(versionOid) && guarded.contains(historyOid);
    }

    /** The distinct histories behind {@code digests}: columns digest, history text. */
    public String historiesQuery(List<String> digests) {
        return "SELECT DISTINCT history_digest, history FROM " + table() + " WHERE history_digest IN ("
                + digests.stream().map(dialect::literal).collect(Collectors.joining(", ")) + ")";
    }

    /** The heads of a row's {@code heads} column, sorted. */
    public static List<String> heads(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split(" "));
    }

    /** The rows of a {@code history} column (without run ids or times; in the order written). */
    public static List<HistoryRow> history(String text) {
        List<HistoryRow> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            rows.add(new HistoryRow(f[0], f[1], "-".equals(f[4]) ? null : f[4], f[2], Integer.parseInt(f[3]), null, null));
        }
        return List.copyOf(rows);
    }

    /**
     * The reduction {@code drover_ledger_write} applies, done in Java on a full history: what
     * {@code check --deep} compares a ledger row with.
     */
    public static List<HistoryRow> reduce(List<HistoryRow> history) {
        List<HistoryRow> kept = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            HistoryRow row = history.get(i);
            if (HistoryRow.STARTED.equals(row.status()) || isLatestOfItsKind(history, i)) {
                kept.add(new HistoryRow(row.revision(), row.direction(), row.checksum(), row.status(),
                        row.statementCount(), null, null));
            }
        }
        return kept;
    }

    private static boolean isLatestOfItsKind(List<HistoryRow> history, int index) {
        HistoryRow row = history.get(index);
        for (int j = index + 1; j < history.size(); j++) {
            if (history.get(j).revision().equals(row.revision()) && history.get(j).status().equals(row.status())) {
                return false;
            }
        }
        return true;
    }
}
