package dev.drover.orchestrator.script;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Renders {@code ${name}} placeholders in statement text: {@code ${tenant}}, {@code ${schema}},
 * {@code ${database}} (the section name) and {@code ${x.NAME}} (from {@code -x NAME=value}).
 *
 * <p>A name is {@code [A-Za-z_][A-Za-z0-9_.]*}. {@code $${} renders a literal {@code ${}. Any other
 * {@code ${} (not followed by a name and {@code }}) is an error rather than being left in place, so
 * that a typo never reaches a database. Values are inserted verbatim: quoting them is the caller's
 * job. Stateless and thread-safe.
 */
public final class Placeholders {

    /**
     * Replaces every placeholder by its value.
     *
     * @param sql       statement text (unrendered)
     * @param values    values by placeholder name, e.g. {@code tenant}, {@code x.region}
     * @param fileLabel the script file, for error messages
     * @param line      the file line where {@code sql} starts; newlines in {@code sql} are counted
     *                  to report the placeholder's own line
     * @return the rendered text ({@code sql} itself when it has no {@code $})
     * @throws PlaceholderException if a placeholder has no value or a {@code ${} is malformed
     */
    public String render(String sql, Map<String, String> values, String fileLabel, int line) {
        int dollar = sql.indexOf('$');
        if (dollar < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 32);
        int copied = 0;
        for (int i = dollar; i >= 0; i = sql.indexOf('$', i)) {
            if (sql.startsWith("$${", i)) {
                out.append(sql, copied, i).append("${");
                i += 3;
                copied = i;
            } else if (sql.startsWith("${", i)) {
                int end = nameEnd(sql, i, fileLabel, line);
                String name = sql.substring(i + 2, end);
                String value = values.get(name);
                if (value == null) {
                    throw undefined(name, fileLabel, lineAt(sql, i, line));
                }
                out.append(sql, copied, i).append(value);
                i = end + 1;
                copied = i;
            } else {
                i++;
            }
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    /**
     * The placeholder names used in {@code sql}, in order of first use ({@code $${} escapes excluded).
     * For plan-time validation; see {@link #check} for the matching error messages.
     *
     * @throws PlaceholderException if a {@code ${} is malformed (the file is reported as {@code <sql>})
     */
    public Set<String> names(String sql) {
        return names(sql, "<sql>", 1);
    }

    /**
     * Checks that every placeholder in {@code sql} is defined, without rendering.
     *
     * @param defined the placeholder names that have values for the targets about to run
     * @throws PlaceholderException for the first undefined or malformed placeholder
     */
    public void check(String sql, Set<String> defined, String fileLabel, int line) {
        for (int i = sql.indexOf("${"); i >= 0; i = sql.indexOf("${", i + 2)) {
            if (i > 0 && sql.charAt(i - 1) == '$') {
                continue;
            }
            String name = sql.substring(i + 2, nameEnd(sql, i, fileLabel, line));
            if (!defined.contains(name)) {
                throw undefined(name, fileLabel, lineAt(sql, i, line));
            }
        }
    }

    private Set<String> names(String sql, String fileLabel, int line) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = sql.indexOf("${"); i >= 0; i = sql.indexOf("${", i + 2)) {
            if (i > 0 && sql.charAt(i - 1) == '$') {
                continue;
            }
            names.add(sql.substring(i + 2, nameEnd(sql, i, fileLabel, line)));
        }
        return names;
    }

    /** Index of the closing brace of the placeholder starting at {@code i} ({@code ${}). */
    private static int nameEnd(String sql, int i, String fileLabel, int line) {
        int j = i + 2;
        if (j < sql.length() && isNameStart(sql.charAt(j))) {
            j++;
            while (j < sql.length() && isNamePart(sql.charAt(j))) {
                j++;
            }
            if (j < sql.length() && sql.charAt(j) == '}') {
                return j;
            }
        }
        String shown = sql.substring(i, Math.min(sql.length(), Math.max(j + 1, i + 3)));
        throw new PlaceholderException(fileLabel, lineAt(sql, i, line), shown,
                "malformed placeholder '" + shown + "'",
                "write ${name} with a name of letters, digits, '_' and '.', or $${ for a literal ${");
    }

    private static PlaceholderException undefined(String name, String fileLabel, int line) {
        String shown = "${" + name + "}";
        String action;
        if (name.startsWith("x.") && name.length() > 2) {
            action = "define it with -x " + name.substring(2) + "=value";
        } else if (name.equals("tenant") || name.equals("schema")) {
            action = "run this script only on sections with tenants, or remove the placeholder";
        } else if (name.equals("database")) {
            action = "run this script through a database section of drover.ini";
        } else {
            action = "use ${tenant}, ${schema}, ${database}, ${tag} or ${x.NAME} (with -x NAME=value), or $${ for a literal ${";
        }
        return new PlaceholderException(fileLabel, line, shown, "placeholder '" + shown + "' is not defined", action);
    }

    private static int lineAt(String sql, int index, int line) {
        int l = line;
        for (int i = sql.indexOf('\n'); i >= 0 && i < index; i = sql.indexOf('\n', i + 1)) {
            l++;
        }
        return l;
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9' || c == '.';
    }
}
