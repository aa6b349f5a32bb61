package dev.drover.orchestrator.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MariaDB/MySQL operations that cannot use {@code ALGORITHM=INSTANT} or {@code INPLACE} with
 * {@code LOCK=NONE}: the server copies the table (blocking writes for the whole copy) or takes a shared
 * lock. An {@code ALTER TABLE} that asks for {@code ALGORITHM=INSTANT}, or for {@code INPLACE}/{@code NOCOPY}
 * with {@code LOCK=NONE}, is the safe rewrite itself: the server refuses it rather than copy, so it is never
 * reported. Tables created earlier in the same section are new and never reported either.
 */
final class MariaDbRules implements RuleSet {

    static final String MODIFY_COLUMN = "mariadb-modify-column";
    static final String TABLE_COPY = "mariadb-table-copy";
    static final String ADD_FOREIGN_KEY = "mariadb-add-foreign-key";
    static final String FULLTEXT = "mariadb-fulltext-index";
    static final String LOCK_OPTION = "mariadb-lock-option";

    private static final String ASK_ONLINE = "append ', ALGORITHM=INPLACE, LOCK=NONE' (or ', ALGORITHM=INSTANT') so that "
            + "MariaDB refuses instead of copying; if it refuses, use an online schema change tool "
            + "(pt-online-schema-change, gh-ost)";
    private static final Set<String> SAFE_ALGORITHMS = Set.of("INPLACE", "NOCOPY");

    @Override
    public String dialect() {
        return "mariadb";
    }

    @Override
    public List<String> rules() {
        return List.of(MODIFY_COLUMN, TABLE_COPY, ADD_FOREIGN_KEY, FULLTEXT, LOCK_OPTION);
    }

    @Override
    public List<Hit> check(Shape s, LintContext context) {
        List<Hit> hits = new ArrayList<>();
        if (s.startsWith("CREATE", "FULLTEXT", "INDEX") || s.startsWith("CREATE", "SPATIAL", "INDEX")) {
            int on = s.indexOf("ON", 3);
            Shape.Name table = on < 0 ? null : s.name(on + 1);
            if (table != null && !context.isNew(table.name())) {
                hits.add(fulltext(table.name()));
            }
            return hits;
        }
        Shape.AlterTable alter = s.alterTable();
        if (alter == null || context.isNew(alter.table()) || declaredOnline(alter)) {
            return hits;
        }
        String t = alter.table();
        boolean addsPrimaryKey = alter.actions().stream().anyMatch(a -> a.hasSequence("ADD", "PRIMARY", "KEY"));
        for (Shape a : alter.actions()) {
            if (a.startsWith("MODIFY") || a.startsWith("CHANGE")) {
                hits.add(new Hit(MODIFY_COLUMN, a.get(0).text() + " COLUMN on '" + t + "' copies the table (writes "
                        + "wait for the whole copy) unless it only renames, reorders, changes the default or widens a "
                        + "VARCHAR within the same length byte", ASK_ONLINE + "; a default alone changes instantly with "
                        + "ALTER COLUMN ... SET DEFAULT"));
            } else if (a.at(0, "ADD") && foreignKey(a)) {
                hits.add(new Hit(ADD_FOREIGN_KEY, "adding a foreign key to '" + t + "' copies the table while "
                        + "foreign_key_checks is on (writes wait for the whole copy)", "check the existing rows first, "
                        + "then SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE ... ADD FOREIGN KEY ..., "
                        + "ALGORITHM=INPLACE, LOCK=NONE (in place, without a session setting left behind)"));
            } else if (a.at(0, "ADD", "FULLTEXT") || a.at(0, "ADD", "SPATIAL")) {
                hits.add(fulltext(t));
            } else if (copies(a, addsPrimaryKey)) {
                hits.add(new Hit(TABLE_COPY, describe(a) + " on '" + t + "' needs ALGORITHM=COPY: MariaDB rebuilds "
                        + "the table while writes wait", ASK_ONLINE));
            }
        }
        String lock = option(alter, "LOCK");
        if ("SHARED".equals(lock) || "EXCLUSIVE".equals(lock)) {
            hits.add(new Hit(LOCK_OPTION, "LOCK=" + lock + " on '" + t + "' blocks " + ("SHARED".equals(lock)
                    ? "writes" : "reads and writes") + " for the whole ALTER", "use LOCK=NONE (MariaDB refuses if it "
                    + "cannot), or an online schema change tool"));
        }
        return hits;
    }

    private static Hit fulltext(String table) {
        return new Hit(FULLTEXT, "a FULLTEXT or SPATIAL index on '" + table + "' is built with LOCK=SHARED: writes wait "
                + "until it is built", "build it at a quiet time, or with an online schema change tool "
                + "(pt-online-schema-change, gh-ost)");
    }

    /** ALGORITHM=INSTANT, or INPLACE/NOCOPY with LOCK=NONE: the server refuses rather than copy or block. */
    private static boolean declaredOnline(Shape.AlterTable alter) {
        String algorithm = option(alter, "ALGORITHM");
        return "INSTANT".equals(algorithm)
                || algorithm != null && SAFE_ALGORITHMS.contains(algorithm) && "NONE".equals(option(alter, "LOCK"));
    }

    private static String option(Shape.AlterTable alter, String key) {
        for (Shape a : alter.actions()) {
            if (a.startsWith(key)) {
                return a.option(key);
            }
        }
        return null;
    }

    private static boolean foreignKey(Shape a) {
        return a.hasSequence("FOREIGN", "KEY");
    }

    /** Operations MariaDB can only do by copying the table. */
    private static boolean copies(Shape a, boolean addsPrimaryKey) {
        return a.hasSequence("CONVERT", "TO") || a.at(0, "DROP", "PRIMARY", "KEY") && !addsPrimaryKey
                || a.at(0, "ADD") && a.has("AUTO_INCREMENT")
                || a.at(0, "ADD") && (a.has("STORED") || a.has("PERSISTENT"))
                || a.startsWith("ENGINE") || a.startsWith("ORDER", "BY") || a.startsWith("FORCE")
                || a.startsWith("PARTITION", "BY") || a.startsWith("REMOVE", "PARTITIONING")
                || a.startsWith("ALGORITHM") && "COPY".equals(a.option("ALGORITHM"));
    }

    private static String describe(Shape a) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(3, a.size()); i++) {
            text.append(i == 0 ? "" : " ").append(a.get(i).text());
        }
        return text.toString();
    }

    @Override
    public void learn(Shape s, LintContext context) {
        if (s.startsWith("CREATE", "TABLE") || s.startsWith("CREATE", "TEMPORARY", "TABLE")
                || s.startsWith("CREATE", "OR", "REPLACE", "TABLE")) {
            Shape.Name table = s.name(s.skip(s.indexOf("TABLE", 0) + 1, "IF", "NOT", "EXISTS"));
            if (table != null) {
                context.createdTables.add(table.name());
            }
        }
    }
}
