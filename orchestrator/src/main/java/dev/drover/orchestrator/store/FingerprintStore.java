package dev.drover.orchestrator.store;

import dev.drover.orchestrator.dialect.Dialect;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema each revision produced on the first target that reached it (issue 16), kept in a small
 * side table beside a target's version table, {@value #TABLE}: one row per revision, written once
 * and never updated, so the version and history tables keep their shape. Its name starts with
 * {@code drover_}, so fingerprints never include it.
 */
public final class FingerprintStore {

    /** The side table. */
    public static final String TABLE = "drover_fingerprint";

    /**
     * One recorded fingerprint.
     *
     * @param revision   the heads the target reached, as drift shows them ({@code a1b2, c3d4})
     * @param dialect    the dialect it was read with
     * @param source     the key of the target it was read from
     * @param recordedAt when (ISO-8601, UTC), so the earliest row wins
     * @param objects    the fingerprint, serialized
     */
    public record Row(String revision, String dialect, String source, String recordedAt, String objects) {}

    private final Dialect dialect;
    private final String qualified;

    /** @param schema the version schema ({@code null}: the connection's current one) */
    public FingerprintStore(Dialect dialect, String schema) {
        this.dialect = dialect;
        this.qualified = dialect.qualify(schema, TABLE);
    }

    /**
     * Records {@code objects} for {@code revision} unless a row for it exists already (the first one
     * stays). Creates the table when missing.
     *
     * @return whether a row was written
     */
    public boolean record(SqlSession session, String revision, String source, Instant at, String objects)
            throws SQLException {
        String text = "mariadb".equals(dialect.name()) ? "LONGTEXT" : "postgresql".equals(dialect.name()) ? "text"
                : "CHARACTER VARYING";
        session.execute("CREATE TABLE IF NOT EXISTS " + qualified + " (revision VARCHAR(255) NOT NULL PRIMARY KEY,"
                + " dialect VARCHAR(20) NOT NULL, source VARCHAR(255) NOT NULL, recorded_at VARCHAR(40) NOT NULL,"
                + " objects " + text + " NOT NULL)");
        if (!session.query("SELECT 1 FROM " + qualified + " WHERE revision = " + dialect.literal(revision)).isEmpty()) {
            return false;
        }
        session.execute("INSERT INTO " + qualified + " (revision, dialect, source, recorded_at, objects) VALUES ("
                + dialect.literal(revision) + ", " + dialect.literal(dialect.name()) + ", " + dialect.literal(source) + ", "
                + dialect.literal(at.toString()) + ", " + dialect.literal(objects) + ")");
        return true;
    }

    /** Every recorded row. @throws SQLException also when the table does not exist */
    public List<Row> read(SqlSession session) throws SQLException {
        List<Row> rows = new ArrayList<>();
        for (List<Object> row : session.query("SELECT revision, dialect, source, recorded_at, objects FROM " + qualified)) {
            rows.add(new Row(String.valueOf(row.get(0)), String.valueOf(row.get(1)), String.valueOf(row.get(2)),
                    String.valueOf(row.get(3)), String.valueOf(row.get(4))));
        }
        return rows;
    }
}
