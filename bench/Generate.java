import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the benchmark fleet: K Drover revision scripts of realistic PostgreSQL DDL and data
 * changes, the drover.ini files, the tenant lists and the physical-floor SQL (one psql session,
 * one transaction per tenant, the same statements Drover runs plus a version-row update).
 *
 * <p>Run with {@code java bench/Generate.java OUT_DIR N K OFFLINE_N DBNAME}; single-file source
 * launch, no dependencies. Deterministic: the same arguments write the same files.
 */
public final class Generate {

    /** One revision: its id, message, and its upgrade / downgrade SQL (may hold ${tenant}). */
    record Rev(String id, String down, String message, List<String> upgrade, List<String> downgrade) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: java Generate.java OUT_DIR N K OFFLINE_N DBNAME");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        int offlineN = Integer.parseInt(args[3]);
        String db = args[4];

        List<Rev> revs = revisions(k);
        Path versions = out.resolve("versions");
        Files.createDirectories(versions);
        try (var old = Files.list(versions)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.delete(p);
            }
        }
        for (int i = 0; i < revs.size(); i++) {
            Rev r = revs.get(i);
            Files.writeString(versions.resolve(String.format("%s_%03d_%s.sql", r.id(), i + 1, slug(r.message()))),
                    script(r), StandardCharsets.UTF_8);
        }

        List<String> tenants = names(n);
        List<String> offlineTenants = names(offlineN);
        Files.write(out.resolve("tenants.txt"), tenants, StandardCharsets.UTF_8);
        Files.write(out.resolve("tenants-offline.txt"), offlineTenants, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("drover.ini"), ini(db, "query: SELECT nspname FROM pg_namespace"
                + " WHERE nspname LIKE 'tenant%' ORDER BY 1"), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("offline.ini"), ini(db, "file: %(here)s/tenants-offline.txt"),
                StandardCharsets.UTF_8);

        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("schemas.sql"), StandardCharsets.UTF_8)) {
            for (String t : tenants) {
                w.write("CREATE SCHEMA " + t + ";\n");
            }
        }
        writeFloor(out.resolve("floor.sql"), tenants, revs, false);
        writeFloor(out.resolve("floor-tx-per-revision.sql"), tenants, revs, true);
        System.out.printf("generated %d revisions, %d tenants (%d offline) in %s%n", k, n, offlineN, out);
    }

    static String ini(String db, String tenants) {
        return "[drover]\n"
                + "databases = app\n\n"
                + "[app]\n"
                + "url = jdbc:postgresql://127.0.0.1:5432/" + db + "\n"
                + "user = postgres\n"
                + "tenants = " + tenants + "\n"
                + "search_path = {tenant}\n"
                + "create_schema = true\n"
                + "version_locations = %(here)s/versions\n"
                + "max_connections = 8\n";
    }

    static List<String> names(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(String.format("tenant%05d", i));
        }
        return names;
    }

    static String id(int i) {
        return String.format("%012x", 0xbe0c00000000L + i * 0x1010L);
    }

    /**
     * K revisions cycling through five kinds of change; each cycle c works on its own tables
     * (c1_items, c1_events, ...), so any K is valid and every revision depends on the previous one.
     */
    static List<Rev> revisions(int k) {
        List<Rev> revs = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            int c = (i - 1) / 5 + 1;
            String items = "c" + c + "_items";
            String events = "c" + c + "_events";
            String view = "c" + c + "_item_totals";
            String down = i == 1 ? "" : id(i - 1);
            Rev r = switch ((i - 1) % 5) {
                case 0 -> new Rev(id(i), down, "create " + items, List.of(
                        "CREATE TABLE " + items + " (\n"
                                + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                                + "    name text NOT NULL,\n"
                                + "    sku varchar(32) NOT NULL,\n"
                                + "    price numeric(12, 2) NOT NULL DEFAULT 0,\n"
                                + "    qty integer NOT NULL DEFAULT 0,\n"
                                + "    owner text NOT NULL DEFAULT '${tenant}',\n"
                                + "    created_at timestamptz NOT NULL DEFAULT now(),\n"
                                + "    note text\n)",
                        "CREATE UNIQUE INDEX " + items + "_sku_uq ON " + items + " (sku)",
                        "INSERT INTO " + items + " (name, sku, price, qty, note) VALUES\n"
                                + "    ('widget', 'W-1', 9.99, 10, 'it''s a widget; really'),\n"
                                + "    ('gadget', 'G-1', 19.50, 3, NULL),\n"
                                + "    ('doohickey', 'D-1', 0.75, 250, '${tenant}')"),
                        List.of("DROP TABLE " + items));
                case 1 -> new Rev(id(i), down, "create " + events, List.of(
                        "CREATE TABLE " + events + " (\n"
                                + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                                + "    item_id bigint NOT NULL REFERENCES " + items + " (id),\n"
                                + "    kind varchar(20) NOT NULL,\n"
                                + "    payload jsonb NOT NULL DEFAULT '{}',\n"
                                + "    amount numeric(12, 2),\n"
                                + "    source text,\n"
                                + "    flagged boolean NOT NULL DEFAULT false,\n"
                                + "    occurred_at timestamptz NOT NULL DEFAULT now(),\n"
                                + "    recorded_by text\n)",
                        "CREATE INDEX " + events + "_item_ix ON " + events + " (item_id, occurred_at)",
                        "INSERT INTO " + events + " (item_id, kind, amount, payload)\n"
                                + "    SELECT id, 'stock', price * qty, jsonb_build_object('sku', sku) FROM " + items),
                        List.of("DROP TABLE " + events));
                case 2 -> new Rev(id(i), down, "add category and active to " + items, List.of(
                        "ALTER TABLE " + items + " ADD COLUMN category text",
                        "ALTER TABLE " + items + " ADD COLUMN active boolean NOT NULL DEFAULT true",
                        "CREATE INDEX " + items + "_category_ix ON " + items + " (category) WHERE active"),
                        List.of("DROP INDEX " + items + "_category_ix",
                                "ALTER TABLE " + items + " DROP COLUMN active",
                                "ALTER TABLE " + items + " DROP COLUMN category"));
                case 3 -> new Rev(id(i), down, "create view " + view, List.of(
                        "CREATE VIEW " + view + " AS\n"
                                + "    SELECT i.id, i.name, i.category, count(e.id) AS events,\n"
                                + "           coalesce(sum(e.amount), 0) AS total\n"
                                + "    FROM " + items + " i LEFT JOIN " + events + " e ON e.item_id = i.id\n"
                                + "    WHERE i.active\n"
                                + "    GROUP BY i.id, i.name, i.category"),
                        List.of("DROP VIEW " + view));
                default -> new Rev(id(i), down, "backfill category of " + items, List.of(
                        "UPDATE " + items + " SET category = CASE WHEN price < 1 THEN 'parts' ELSE 'general' END"
                                + " WHERE category IS NULL",
                        "COMMENT ON TABLE " + items + " IS 'items of ${tenant}; categories backfilled'"),
                        List.of("UPDATE " + items + " SET category = NULL",
                                "COMMENT ON TABLE " + items + " IS NULL"));
            };
            revs.add(r);
        }
        return revs;
    }

    static String slug(String message) {
        return message.replaceAll("[^A-Za-z0-9]+", "_");
    }

    static String script(Rev r) {
        StringBuilder s = new StringBuilder();
        s.append("-- revision: ").append(r.id()).append('\n');
        s.append("-- down_revision: ").append(r.down()).append('\n');
        s.append("-- message: ").append(r.message()).append('\n');
        s.append("-- create_date: 2026-11-22 00:00:00\n\n");
        s.append("-- drover:upgrade\n");
        for (String sql : r.upgrade()) {
            s.append(sql).append(";\n\n");
        }
        s.append("-- drover:downgrade\n");
        for (String sql : r.downgrade()) {
            s.append(sql).append(";\n");
        }
        return s.toString();
    }

    /**
     * The floor: for each tenant one transaction with search_path set, the version table created,
     * every revision's statements (placeholders rendered) and a version-row insert/update per
     * revision, as a hand-written migration loop in one psql session would do. With
     * {@code txPerRevision}, each revision commits on its own instead (Drover's default
     * transaction_per_migration); on PostgreSQL 15 that is markedly faster for long DDL runs.
     */
    static void writeFloor(Path file, List<String> tenants, List<Rev> revs, boolean txPerRevision)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("\\set ON_ERROR_STOP on\n");
            for (String t : tenants) {
                w.write("BEGIN;\n");
                w.write("SET LOCAL search_path TO " + t + ";\n");
                w.write("CREATE TABLE IF NOT EXISTS drover_version (version_num varchar(32) NOT NULL PRIMARY KEY);\n");
                for (int i = 0; i < revs.size(); i++) {
                    Rev r = revs.get(i);
                    for (String sql : r.upgrade()) {
                        w.write(sql.replace("${tenant}", t));
                        w.write(";\n");
                    }
                    if (i == 0) {
                        w.write("INSERT INTO drover_version (version_num) VALUES ('" + r.id() + "');\n");
                    } else {
                        w.write("UPDATE drover_version SET version_num = '" + r.id() + "' WHERE version_num = '"
                                + revs.get(i - 1).id() + "';\n");
                    }
                    if (txPerRevision && i < revs.size() - 1) {
                        w.write("COMMIT;\nBEGIN;\nSET LOCAL search_path TO " + t + ";\n");
                    }
                }
                w.write("COMMIT;\n");
            }
        }
    }
}
