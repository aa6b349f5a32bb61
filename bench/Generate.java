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
        if (args.length != 5 && !(args.length == 6 && args[5].equals("light"))) {
            System.err.println("usage: java Generate.java OUT_DIR N K OFFLINE_N DBNAME [light]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        int offlineN = Integer.parseInt(args[3]);
        String db = args[4];

        List<Rev> revs = args.length == 6 ? lightRevisions(k) : revisions(k);
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
        // The reference for the reads: the same database seen as one tenant.
        Files.writeString(out.resolve("one.ini"), ini(db, tenants.get(0)), StandardCharsets.UTF_8);

        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("schemas.sql"), StandardCharsets.UTF_8)) {
            for (String t : tenants) {
                w.write("CREATE SCHEMA " + t + ";\n");
            }
        }
        writeFloor(out.resolve("floor.sql"), tenants, revs, false);
        writeFloor(out.resolve("floor-tx-per-revision.sql"), tenants, revs, true);
        // The parallel floors: the same SQL split over P psql sessions (tenant i goes to session i mod P).
        for (int sessions : new int[] {2, 4}) {
            for (int s = 0; s < sessions; s++) {
                List<String> part = new ArrayList<>();
                for (int i = s; i < tenants.size(); i += sessions) {
                    part.add(tenants.get(i));
                }
                writeFloor(out.resolve("floor-p" + sessions + "-" + (s + 1) + ".sql"), part, revs, false);
            }
        }
        System.out.printf("generated %d revisions, %d tenants (%d offline) in %s%n", k, n, offlineN, out);
    }

    static String ini(String db, String tenants) {
        return "[drover]\n"
                + "databases = app\n\n"
                + "[app]\n"
                + "url = jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("PGPORT", "5432") + "/" + db + "\n"
                + "user = postgres\n"
                + "tenants = " + tenants + "\n"
                + "search_path = {tenant}\n"
                + "create_schema = true\n"
                + "version_locations = %(here)s/versions\n";
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
     * K revisions cycling through five kinds of change, as heavy as a real product's chain: per
     * cycle of five about 30 statements and 30 relations (tables with identity keys, TOAST,
     * foreign keys, unique, composite and partial indexes, views, a PL/pgSQL function and its
     * trigger, small inserts and backfills). Each cycle c works on its own tables (c1_items, ...),
     * so any K is valid and every revision depends on the previous one. K=20: 120 statements and
     * about 125 relations per tenant.
     */
    static List<Rev> revisions(int k) {
        List<Rev> revs = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            int c = (i - 1) / 5 + 1;
            String p = "c" + c + "_";
            String items = p + "items";
            String events = p + "events";
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
                        "CREATE INDEX " + items + "_created_ix ON " + items + " (created_at)",
                        "INSERT INTO " + items + " (name, sku, price, qty, note) VALUES\n"
                                + "    ('widget', 'W-1', 9.99, 10, 'it''s a widget; really'),\n"
                                + "    ('gadget', 'G-1', 19.50, 3, NULL),\n"
                                + "    ('doohickey', 'D-1', 0.75, 250, '${tenant}')",
                        "CREATE TABLE " + p + "item_notes (\n"
                                + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                                + "    item_id bigint NOT NULL REFERENCES " + items + " (id) ON DELETE CASCADE,\n"
                                + "    body text NOT NULL,\n"
                                + "    written_at timestamptz NOT NULL DEFAULT now()\n)",
                        "CREATE INDEX " + p + "item_notes_item_ix ON " + p + "item_notes (item_id)"),
                        List.of("DROP TABLE " + p + "item_notes", "DROP TABLE " + items));
                case 1 -> new Rev(id(i), down, "create " + events, List.of(
                        "CREATE TABLE " + p + "event_kinds (code varchar(20) PRIMARY KEY, label text NOT NULL)",
                        "INSERT INTO " + p + "event_kinds (code, label) VALUES ('stock', 'Stock count'),"
                                + " ('sale', 'Sale'), ('refund', 'Refund'), ('adjust', 'Adjustment')",
                        "CREATE TABLE " + events + " (\n"
                                + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                                + "    item_id bigint NOT NULL REFERENCES " + items + " (id),\n"
                                + "    kind varchar(20) NOT NULL REFERENCES " + p + "event_kinds (code),\n"
                                + "    payload jsonb NOT NULL DEFAULT '{}',\n"
                                + "    amount numeric(12, 2),\n"
                                + "    source text,\n"
                                + "    flagged boolean NOT NULL DEFAULT false,\n"
                                + "    occurred_at timestamptz NOT NULL DEFAULT now(),\n"
                                + "    recorded_by text\n)",
                        "CREATE INDEX " + events + "_item_ix ON " + events + " (item_id, occurred_at)",
                        "CREATE INDEX " + events + "_kind_ix ON " + events + " (kind)",
                        "INSERT INTO " + events + " (item_id, kind, amount, payload)\n"
                                + "    SELECT id, 'stock', price * qty, jsonb_build_object('sku', sku) FROM " + items),
                        List.of("DROP TABLE " + events, "DROP TABLE " + p + "event_kinds"));
                case 2 -> new Rev(id(i), down, "add category and active to " + items, List.of(
                        "ALTER TABLE " + items + " ADD COLUMN category text",
                        "ALTER TABLE " + items + " ADD COLUMN active boolean NOT NULL DEFAULT true",
                        "CREATE INDEX " + items + "_category_ix ON " + items + " (category) WHERE active",
                        "ALTER TABLE " + events + " ADD COLUMN reference varchar(64)",
                        "CREATE INDEX " + events + "_flagged_ix ON " + events + " (occurred_at) WHERE flagged",
                        "UPDATE " + events + " SET reference = 'initial-' || id WHERE reference IS NULL"),
                        List.of("ALTER TABLE " + events + " DROP COLUMN reference",
                                "DROP INDEX " + events + "_flagged_ix",
                                "DROP INDEX " + items + "_category_ix",
                                "ALTER TABLE " + items + " DROP COLUMN active",
                                "ALTER TABLE " + items + " DROP COLUMN category"));
                case 3 -> new Rev(id(i), down, "views and totals for " + items, List.of(
                        "CREATE VIEW " + p + "item_totals AS\n"
                                + "    SELECT i.id, i.name, i.category, count(e.id) AS events,\n"
                                + "           coalesce(sum(e.amount), 0) AS total\n"
                                + "    FROM " + items + " i LEFT JOIN " + events + " e ON e.item_id = i.id\n"
                                + "    WHERE i.active\n"
                                + "    GROUP BY i.id, i.name, i.category",
                        "CREATE VIEW " + p + "recent_events AS\n"
                                + "    SELECT e.id, e.kind, k.label, e.amount, e.occurred_at\n"
                                + "    FROM " + events + " e JOIN " + p + "event_kinds k ON k.code = e.kind\n"
                                + "    WHERE e.occurred_at > now() - interval '30 days'",
                        "CREATE FUNCTION " + p + "item_total(item bigint) RETURNS numeric\n"
                                + "    LANGUAGE plpgsql STABLE AS $fn$\n"
                                + "DECLARE\n"
                                + "    result numeric;\n"
                                + "BEGIN\n"
                                + "    SELECT coalesce(sum(amount), 0) INTO result FROM " + events + " WHERE item_id = item;\n"
                                + "    RETURN result; -- a ';' inside the body\n"
                                + "END\n"
                                + "$fn$",
                        "CREATE FUNCTION " + p + "touch_note() RETURNS trigger LANGUAGE plpgsql AS $fn$\n"
                                + "BEGIN\n"
                                + "    NEW.written_at := now();\n"
                                + "    RETURN NEW;\n"
                                + "END\n"
                                + "$fn$",
                        "CREATE TRIGGER " + p + "item_notes_touch BEFORE UPDATE ON " + p + "item_notes\n"
                                + "    FOR EACH ROW EXECUTE FUNCTION " + p + "touch_note()"),
                        List.of("DROP TRIGGER " + p + "item_notes_touch ON " + p + "item_notes",
                                "DROP FUNCTION " + p + "touch_note()",
                                "DROP FUNCTION " + p + "item_total(bigint)",
                                "DROP VIEW " + p + "recent_events",
                                "DROP VIEW " + p + "item_totals"));
                default -> new Rev(id(i), down, "backfill and audit of " + items, List.of(
                        "UPDATE " + items + " SET category = CASE WHEN price < 1 THEN 'parts' ELSE 'general' END"
                                + " WHERE category IS NULL",
                        "COMMENT ON TABLE " + items + " IS 'items of ${tenant}; categories backfilled'",
                        "COMMENT ON COLUMN " + items + ".sku IS 'stock keeping unit, unique per tenant'",
                        "CREATE TABLE " + p + "audit (\n"
                                + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                                + "    entity text NOT NULL,\n"
                                + "    entity_id bigint NOT NULL,\n"
                                + "    change jsonb NOT NULL,\n"
                                + "    at timestamptz NOT NULL DEFAULT now()\n)",
                        "CREATE INDEX " + p + "audit_entity_ix ON " + p + "audit (entity, entity_id)",
                        "INSERT INTO " + p + "audit (entity, entity_id, change)\n"
                                + "    SELECT 'item', id, jsonb_build_object('category', category) FROM " + items),
                        List.of("DROP TABLE " + p + "audit",
                                "COMMENT ON COLUMN " + items + ".sku IS NULL",
                                "COMMENT ON TABLE " + items + " IS NULL",
                                "UPDATE " + items + " SET category = NULL"));
            };
            revs.add(r);
        }
        return revs;
    }

    /** K light revisions (a table, a column, an index, cycling): the 10,000-tenant scenario's chain. */
    static List<Rev> lightRevisions(int k) {
        List<Rev> revs = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            String table = "l" + ((i - 1) / 3 + 1) + "_notes";
            String down = i == 1 ? "" : id(i - 1);
            revs.add(switch ((i - 1) % 3) {
                case 0 -> new Rev(id(i), down, "create " + table, List.of("CREATE TABLE " + table
                        + " (id bigint PRIMARY KEY, body text NOT NULL, owner text DEFAULT '${tenant}')"),
                        List.of("DROP TABLE " + table));
                case 1 -> new Rev(id(i), down, "add written_at to " + table, List.of("ALTER TABLE " + table
                        + " ADD COLUMN written_at timestamptz"), List.of("ALTER TABLE " + table + " DROP COLUMN written_at"));
                default -> new Rev(id(i), down, "index " + table, List.of("CREATE INDEX " + table + "_written_ix ON "
                        + table + " (written_at)"), List.of("DROP INDEX " + table + "_written_ix"));
            });
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
