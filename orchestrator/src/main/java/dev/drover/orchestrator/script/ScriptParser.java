package dev.drover.orchestrator.script;

import dev.drover.orchestrator.graph.Revision;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Drover migration script: a header of {@code -- key: value} lines, then a
 * {@code -- drover:upgrade} section and an optional {@code -- drover:downgrade} section.
 *
 * <p>Header rules: the header is the leading block of {@code -- key: value} comment lines; blank
 * lines (and bare {@code --} lines) may appear inside it. It ends at the first other line or at the
 * {@code -- drover:upgrade} marker. Between the header and the upgrade marker only blank lines and
 * free comments may appear. Markers must be alone on their line (surrounding whitespace allowed)
 * and are recognised line by line, so a line starting with {@code -- drover:} inside a multi-line
 * string would be taken as a marker. Line endings are normalised (CR LF and CR to LF) and a
 * leading byte order mark is dropped before anything else. Stateless and thread-safe.
 */
final class ScriptParser {

    /** Header keys, in the order {@link RevisionFileWriter} writes them. */
    public static final List<String> KEYS = List.of(
            "revision", "down_revision", "branch_labels", "depends_on", "message", "create_date", "transactional",
            "statement_timeout", "lint_ignore", "java");

    /** A class name as {@code -- java:} names a Java revision's class. */
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

    /** The one header key that may appear on several lines: one silenced lint rule per line. */
    private static final String LINT_IGNORE = "lint_ignore";
    private static final Pattern SECONDS = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern IGNORE = Pattern.compile("([a-z0-9][a-z0-9-]*)(?:\\s+(.*))?");

    private static final String UPGRADE = "upgrade";
    private static final String DOWNGRADE = "downgrade";

    /**
     * Parses one script.
     *
     * @param file    the script's path; its string form is the revision's {@code source} and the file
     *                named in errors
     * @param content the whole file content
     * @return the script, with the {@link ScriptChecksum} of {@code content}
     * @throws ScriptParseException naming {@code file} and line for: a missing or invalid
     *         {@code revision}, an invalid id in {@code down_revision}, an unknown or repeated header
     *         key, a {@code transactional} value other than {@code true}/{@code false}, a
     *         {@code statement_timeout} that is not a number of seconds, a {@code lint_ignore} without a rule
     *         id and a reason, a header line
     *         below the header block, SQL before the upgrade marker, a missing, repeated or
     *         misordered marker, or an unknown {@code -- drover:} marker
     */
    public MigrationScript parse(Path file, String content) {
        String label = file.toString();
        String text = ScriptChecksum.stripBom(ScriptChecksum.normaliseLineEndings(content));
        Parse p = new Parse(label, text);
        p.run();
        Map<String, String> h = p.header;
        String id = h.get("revision");
        if (id == null) {
            throw new ScriptParseException(label, 1, "no 'revision' in the header",
                    "add '-- revision: <id>' at the top of the file (an id is letters, digits and '_', "
                            + "e.g. 12 hex characters)");
        }
        checkId(label, p.lineOf("revision"), "revision", id);
        List<String> downs = list(h.get("down_revision"));
        for (String down : downs) {
            checkId(label, p.lineOf("down_revision"), "down_revision", down);
        }
        Revision revision = new Revision(id, downs, list(h.get("branch_labels")), list(h.get("depends_on")),
                h.getOrDefault("message", ""), label);
        String javaClass = javaClass(p);
        return new MigrationScript(revision, file, h.getOrDefault("create_date", ""), transactional(p),
                javaClass != null ? ScriptSection.EMPTY : p.upgrade, p.downgrade == null ? ScriptSection.EMPTY : p.downgrade,
                ScriptChecksum.of(content), statementTimeout(p), lintIgnores(p), javaClass);
    }

    /**
     * {@code java: com.example.Backfill}: the script is the header-only companion of a Java revision, whose
     * class runs instead of SQL.
     */
    private static String javaClass(Parse p) {
        String value = p.header.get("java");
        if (value == null) {
            return null;
        }
        if (!CLASS_NAME.matcher(value).matches()) {
            throw new ScriptParseException(p.label, p.lineOf("java"), "'java' must name a class, not '" + value + "'",
                    "write the fully qualified class name, e.g. '-- java: com.example.migrations.Backfill'");
        }
        if (p.upgrade != null || p.downgrade != null) {
            throw new ScriptParseException(p.label, p.lineOf("java"), "a Java revision's script is header-only, but"
                    + " this one also has a '-- drover:' section", "move the SQL into the class (context.execute(...))"
                    + " or drop the 'java' header");
        }
        return value;
    }

    /** {@code statement_timeout: SECONDS} (decimals allowed; 0: none for this revision). */
    private static Duration statementTimeout(Parse p) {
        String value = p.header.get("statement_timeout");
        if (value == null) {
            return null;
        }
        if (!SECONDS.matcher(value).matches()) {
            throw new ScriptParseException(p.label, p.lineOf("statement_timeout"),
                    "'statement_timeout' must be a number of seconds, not '" + value + "'",
                    "write e.g. '-- statement_timeout: 600' (decimals allowed; 0: no limit for this revision)");
        }
        return Duration.ofNanos(new BigDecimal(value).movePointRight(9).longValue());
    }

    /** {@code lint_ignore: RULE reason}, one per line; the reason is mandatory. */
    private static List<LintIgnore> lintIgnores(Parse p) {
        List<LintIgnore> ignores = new ArrayList<>();
        for (int i = 0; i < p.ignores.size(); i++) {
            int line = p.ignoreLines.get(i);
            Matcher m = IGNORE.matcher(p.ignores.get(i));
            if (!m.matches() || m.group(2) == null || m.group(2).isBlank()) {
                throw new ScriptParseException(p.label, line, "'lint_ignore' needs a rule id and a reason, got '"
                        + p.ignores.get(i) + "'", "write '-- lint_ignore: RULE why this is safe here' "
                        + "(rule ids are listed by 'drover lint')");
            }
            ignores.add(new LintIgnore(m.group(1), m.group(2).strip(), line));
        }
        return ignores;
    }

    private static boolean transactional(Parse p) {
        String value = p.header.get("transactional");
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ScriptParseException(p.label, p.lineOf("transactional"),
                "'transactional' must be 'true' or 'false', not '" + value + "'",
                "write 'true' (the default) or 'false' (run outside a transaction)");
    }

    private static void checkId(String label, int line, String key, String id) {
        if (!RevisionIds.isValid(id)) {
            throw new ScriptParseException(label, line, "'" + key + "' has an invalid revision id '" + id + "'",
                    "use only letters, digits and '_' in revision ids");
        }
    }

    /** Splits a comma list, trimming items and dropping empty ones. */
    static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            String t = item.strip();
            if (!t.isEmpty()) {
                items.add(t);
            }
        }
        return List.copyOf(items);
    }

    /** One pass over the lines of one file. */
    private static final class Parse {
        private enum Phase { HEADER, GAP, UPGRADE, DOWNGRADE }

        final String label;
        final String text;
        final Map<String, String> header = new HashMap<>();
        final Map<String, Integer> headerLines = new HashMap<>();
        final List<String> ignores = new ArrayList<>();
        final List<Integer> ignoreLines = new ArrayList<>();
        ScriptSection upgrade;
        ScriptSection downgrade;
        private Phase phase = Phase.HEADER;
        private int headerEnd;
        private int upgradeLine;
        private int upgradeStart;
        private int lineNo;

        Parse(String label, String text) {
            this.label = label;
            this.text = text;
        }

        int lineOf(String key) {
            return headerLines.getOrDefault(key, 1);
        }

        void run() {
            int start = 0;
            int n = text.length();
            while (start < n) {
                int nl = text.indexOf('\n', start);
                int end = nl < 0 ? n : nl;
                lineNo++;
                line(start, end, nl < 0 ? n : nl + 1);
                start = end + 1;
            }
            if (upgrade == null && phase != Phase.UPGRADE && !header.containsKey("java")) {
                int at = Math.max(1, phase == Phase.HEADER ? lineNo : headerEnd);
                throw new ScriptParseException(label, at, "no '-- drover:upgrade' marker",
                        "add a line '-- drover:upgrade' after the header, followed by the upgrade SQL");
            }
            if (phase == Phase.UPGRADE) {
                upgrade = new ScriptSection(text.substring(upgradeStart), upgradeLine + 1);
            }
        }

        private void line(int start, int end, int next) {
            int b = start;
            while (b < end && text.charAt(b) <= ' ') {
                b++;
            }
            int e = end;
            while (e > b && text.charAt(e - 1) <= ' ') {
                e--;
            }
            String marker = marker(b, e);
            if (marker != null) {
                marker(marker, start, next);
                return;
            }
            boolean blank = b == e || isBareComment(b, e);
            switch (phase) {
                case HEADER -> {
                    if (!blank && !headerLine(b, e, true)) {
                        phase = Phase.GAP;
                        headerEnd = lineNo;
                        gapLine(b, e);
                    }
                }
                case GAP -> {
                    if (!blank) {
                        gapLine(b, e);
                    }
                }
                default -> { }
            }
        }

        private void gapLine(int b, int e) {
            if (text.startsWith("--", b)) {
                headerLine(b, e, false);
                return;
            }
            throw new ScriptParseException(label, lineNo, "SQL before the '-- drover:upgrade' marker",
                    "put statements below '-- drover:upgrade' (or '-- drover:downgrade'); only comments may "
                            + "stand between the header and the upgrade marker");
        }

        private boolean isBareComment(int b, int e) {
            for (int i = b; i < e; i++) {
                if (text.charAt(i) != '-') {
                    return false;
                }
            }
            return e - b >= 2;
        }

        /**
         * Reads {@code -- key: value}. In the header it records the key; below it, a known key is an
         * error (it would be silently ignored). Returns whether the line has the key-value shape.
         */
        private boolean headerLine(int b, int e, boolean inHeader) {
            if (!text.startsWith("--", b)) {
                return false;
            }
            int k = skipSpaces(b + 2, e);
            int ks = k;
            while (k < e && isKeyChar(text.charAt(k))) {
                k++;
            }
            int colon = skipSpaces(k, e);
            if (k == ks || colon >= e || text.charAt(colon) != ':') {
                return false;
            }
            String key = text.substring(ks, k);
            String value = text.substring(colon + 1, e).strip();
            if (!inHeader) {
                if (KEYS.contains(key)) {
                    throw new ScriptParseException(label, lineNo, "header line '" + key + "' outside the header block "
                            + "(line " + headerEnd + " ended it)",
                            "move it up into the leading block of '-- key: value' lines");
                }
                return true;
            }
            if (!KEYS.contains(key)) {
                throw new ScriptParseException(label, lineNo, "unknown header key '" + key + "'",
                        "use one of " + String.join(", ", KEYS)
                                + ", or move the comment below the '-- drover:upgrade' marker");
            }
            if (key.equals(LINT_IGNORE)) {
                ignores.add(value);
                ignoreLines.add(lineNo);
                return true;
            }
            Integer previous = headerLines.putIfAbsent(key, lineNo);
            if (previous != null) {
                throw new ScriptParseException(label, lineNo, "header key '" + key + "' given twice (first on line "
                        + previous + ")", "keep only one '" + key + "' line");
            }
            header.put(key, value);
            return true;
        }

        private static boolean isKeyChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }

        private int skipSpaces(int i, int e) {
            while (i < e && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            return i;
        }

        /** The marker name if the trimmed line {@code [b, e)} is {@code -- drover:NAME}, else {@code null}. */
        private String marker(int b, int e) {
            if (!text.startsWith("--", b)) {
                return null;
            }
            int i = skipSpaces(b + 2, e);
            if (!text.regionMatches(true, i, "drover:", 0, 7)) {
                return null;
            }
            return text.substring(i + 7, e).strip().toLowerCase(Locale.ROOT);
        }

        private void marker(String name, int start, int next) {
            if (name.equals(UPGRADE)) {
                if (phase == Phase.UPGRADE || phase == Phase.DOWNGRADE) {
                    throw new ScriptParseException(label, lineNo, phase == Phase.UPGRADE
                            ? "second '-- drover:upgrade' marker (the first is on line " + upgradeLine + ")"
                            : "'-- drover:upgrade' marker after '-- drover:downgrade'",
                            "keep one '-- drover:upgrade' marker, above the '-- drover:downgrade' marker");
                }
                if (phase == Phase.HEADER) {
                    headerEnd = lineNo;
                }
                phase = Phase.UPGRADE;
                upgradeLine = lineNo;
                upgradeStart = next;
            } else if (name.equals(DOWNGRADE)) {
                if (phase != Phase.UPGRADE) {
                    throw new ScriptParseException(label, lineNo, phase == Phase.DOWNGRADE
                            ? "second '-- drover:downgrade' marker"
                            : "'-- drover:downgrade' marker before '-- drover:upgrade'",
                            "keep one '-- drover:downgrade' marker, below the '-- drover:upgrade' section");
                }
                upgrade = new ScriptSection(text.substring(upgradeStart, start), upgradeLine + 1);
                phase = Phase.DOWNGRADE;
                downgrade = new ScriptSection(text.substring(Math.min(next, text.length())), lineNo + 1);
            } else {
                throw new ScriptParseException(label, lineNo, "unknown marker '-- drover:" + name + "'",
                        "use '-- drover:upgrade' or '-- drover:downgrade', each alone on its line");
            }
        }
    }
}
