package dev.drover.orchestrator.store;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.graph.VersionDelta;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A target's version table (Alembic's shape: {@code version_num VARCHAR(32) NOT NULL}, primary key
 * {@code <table>_pkc}, one row per head) and history table. Builds every statement as plain text
 * with literals inlined, so that the online run and the offline SQL writer emit the very same SQL;
 * values are revision ids, checksums and run ids, which are validated before being inlined.
 */
public final class VersionStore {

    /** Revision ids, run ids and checksums are restricted to this alphabet before being inlined. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");

    private final Dialect dialect;
    private final String schema;
    private final String versionTable;
    private final String historyTable;

    /**
     * @param schema       schema (database on MariaDB) of both tables; {@code null} for the connection's current one
     * @param versionTable e.g. {@code drover_version} or {@code alembic_version}
     * @param historyTable e.g. {@code drover_history}
     */
    public VersionStore(Dialect dialect, String schema, String versionTable, String historyTable) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.schema = schema;
        this.versionTable = Objects.requireNonNull(versionTable, "versionTable");
        this.historyTable = Objects.requireNonNull(historyTable, "historyTable");
    }

    /** The version table's name, unqualified. */
    public String versionTable() {
        return versionTable;
    }

    /** The history table's name, unqualified. */
    public String historyTable() {
        return historyTable;
    }

    public String versionTableName() {
        return dialect.qualify(schema, versionTable);
    }

    public String historyTableName() {
        return dialect.qualify(schema, historyTable);
    }

    /** CREATE TABLE IF NOT EXISTS for the version table then the history table. */
    public List<String> createTables() {
        String ts = "TIMESTAMP" + (dialect.mysqlSyntax() ? "(6) NULL" : "");
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + versionTableName() + " (version_num VARCHAR(32) NOT NULL, CONSTRAINT "
                        + dialect.quote(versionTable + "_pkc") + " PRIMARY KEY (version_num))",
                "CREATE TABLE IF NOT EXISTS " + historyTableName() + " (revision VARCHAR(32) NOT NULL, "
                        + "direction VARCHAR(16) NOT NULL, checksum VARCHAR(128), status VARCHAR(16) NOT NULL, "
                        + "statement_count INTEGER NOT NULL, run_id VARCHAR(128) NOT NULL, started_at " + ts
                        + ", finished_at " + ts + ")");
    }

    /** Statements applying {@code delta}: deletes, then updates (from -> to), then inserts. */
    public List<String> applyDelta(VersionDelta delta) {
        List<String> sql = new ArrayList<>();
        for (String deleted : delta.deleted()) {
            sql.add("DELETE FROM " + versionTableName() + " WHERE version_num = " + value(deleted));
        }
        for (VersionDelta.RowUpdate update : delta.updated()) {
            sql.add("UPDATE " + versionTableName() + " SET version_num = " + value(update.to())
                    + " WHERE version_num = " + value(update.from()));
        }
        for (String inserted : delta.inserted()) {
            sql.add("INSERT INTO " + versionTableName() + " (version_num) VALUES (" + value(inserted) + ")");
        }
        return sql;
    }

    /** The history row of a step that completed in one go (transactional steps). */
    public String insertDone(String revision, String direction, String checksum, int statements, String runId) {
        return insertRow(revision, direction, checksum, HistoryRow.DONE, statements, runId, dialect.now());
    }

    /** The 'started' marker written (and committed) before a non-transactional revision's first statement. */
    public String insertStarted(String revision, String direction, String checksum, String runId) {
        return insertRow(revision, direction, checksum, HistoryRow.STARTED, 0, runId, "NULL");
    }

    /**
     * The row that accepts {@code checksum} as the script of the applied revision {@code revision}
     * ({@code drover repair}, after Flyway's repair): it runs nothing and supersedes the checksum of the
     * revision's earlier rows.
     */
    public String insertAccepted(String revision, String checksum, String runId) {
        return insertRow(revision, "upgrade", checksum, HistoryRow.ACCEPTED, 0, runId, dialect.now());
    }

    /** Records that {@code committed} statements of a started revision have committed. */
    public String recordProgress(String revision, String direction, String runId, int committed) {
        return "UPDATE " + historyTableName() + " SET statement_count = " + committed + startedRow(revision, direction, runId);
    }

    /** Turns a started marker into a done row (after the version delta, same transaction where possible). */
    public String markDone(String revision, String direction, String runId, int statements) {
        return "UPDATE " + historyTableName() + " SET status = " + value(HistoryRow.DONE) + ", statement_count = "
                + statements + ", finished_at = " + dialect.now() + startedRow(revision, direction, runId);
    }

    /** Clears every started (and timed-out) marker (used by stamp, the documented repair). */
    public String markStartedRepaired() {
        return "UPDATE " + historyTableName() + " SET status = " + value(HistoryRow.REPAIRED) + ", finished_at = "
                + dialect.now() + " WHERE status IN (" + value(HistoryRow.STARTED) + ", " + value(HistoryRow.TIMED_OUT) + ")";
    }

    /** Turns this run's started marker into a timed-out one: a timeout stopped the revision (see {@link HistoryRow#TIMED_OUT}). */
    public String markTimedOut(String revision, String direction, String runId) {
        return "UPDATE " + historyTableName() + " SET status = " + value(HistoryRow.TIMED_OUT)
                + startedRow(revision, direction, runId);
    }

    /** Takes over a timed-out marker for {@code runId}: started again with the script's checksum now, its statement count kept. */
    public String resumeTimedOut(String revision, String direction, String checksum, String runId) {
        return "UPDATE " + historyTableName() + " SET status = " + value(HistoryRow.STARTED) + ", run_id = "
                + value(runId) + ", checksum = " + (checksum == null ? "NULL" : value(checksum)) + " WHERE revision = " + value(revision) + " AND direction = " + value(direction)
                + " AND status = " + value(HistoryRow.TIMED_OUT);
    }

    /**
     * The two SELECTs whose {@code UNION ALL} reads both tables in one statement: after
     * {@code leading} (columns to prepend, e.g. a target index, or empty) every row holds the kind
     * ({@code 'v'} version row, {@code 'h'} history row) and seven text columns, read back with
     * {@link VersionState#of}. {@code withHistory = false} leaves the history table out (a reader
     * that knows it does not exist).
     */
    public List<String> stateSelects(String leading, boolean withHistory) {
        String prefix = leading.isEmpty() ? "SELECT " : "SELECT " + leading + ", ";
        String none = dialect.asText("NULL");
        List<String> selects = new ArrayList<>();
        selects.add(prefix + "'v', " + dialect.asText("version_num") + ", " + String.join(", ", List.of(none, none, none, none,
                none, none)) + " FROM " + versionTableName());
        if (withHistory) {
            selects.add(prefix + "'h', " + String.join(", ", List.of(dialect.asText("revision"), dialect.asText("direction"),
                    dialect.asText("checksum"), dialect.asText("status"), dialect.asText("statement_count"),
                    dialect.asText("run_id"), dialect.asText("started_at"))) + " FROM " + historyTableName());
        }
        return selects;
    }

    /** Both tables in one round trip. */
    public VersionState state(SqlSession session) throws SQLException {
        return VersionState.of(session.query(String.join(" UNION ALL ", stateSelects("", true))), 0);
    }

    /** The current heads, sorted. */
    public List<String> heads(SqlSession session) throws SQLException {
        List<String> heads = new ArrayList<>();
        for (List<Object> row : session.query("SELECT version_num FROM " + versionTableName() + " ORDER BY version_num")) {
            heads.add(String.valueOf(row.get(0)));
        }
        return heads;
    }

    /** History rows in the order they were written (started time, unfinished last). */
    public List<HistoryRow> history(SqlSession session) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        String sql = "SELECT revision, direction, checksum, status, statement_count, run_id, started_at FROM "
                + historyTableName() + " ORDER BY CASE WHEN started_at IS NULL THEN 1 ELSE 0 END, started_at";
        for (List<Object> row : session.query(sql)) {
            rows.add(new HistoryRow(str(row.get(0)), str(row.get(1)), str(row.get(2)), str(row.get(3)),
                    ((Number) row.get(4)).intValue(), str(row.get(5)), str(row.get(6))));
        }
        return rows;
    }

    /** Rows still marked started: a revision left half-way. */
    public List<HistoryRow> unfinished(SqlSession session) throws SQLException {
        return history(session).stream().filter(r -> HistoryRow.STARTED.equals(r.status())).toList();
    }

    private String insertRow(String revision, String direction, String checksum, String status, int statements,
            String runId, String finishedAt) {
        return "INSERT INTO " + historyTableName()
                + " (revision, direction, checksum, status, statement_count, run_id, started_at, finished_at) VALUES ("
                + value(revision) + ", " + value(direction) + ", " + (checksum == null ? "NULL" : value(checksum)) + ", "
                + value(status) + ", " + statements + ", " + value(runId) + ", " + dialect.now() + ", " + finishedAt + ")";
    }

    private String startedRow(String revision, String direction, String runId) {
        return " WHERE revision = " + value(revision) + " AND direction = " + value(direction) + " AND run_id = "
                + value(runId) + " AND status = " + value(HistoryRow.STARTED);
    }

    private String value(String v) {
        if (!SAFE_VALUE.matcher(v).matches()) {
            throw new IllegalArgumentException("refusing to write '" + v + "' into the version or history table: "
                    + "only letters, digits and _ . : - are allowed; use a plain revision or run id");
        }
        return dialect.literal(v);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
