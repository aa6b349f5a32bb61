package dev.drover.orchestrator.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script section into statements at each {@code ;} that is outside quotes, quoted
 * identifiers, comments and dollar quotes, following the rules of a {@link SqlSyntax}.
 *
 * <p>One pass over the characters, no regular expressions: issue 6 splits tens of thousands of
 * sections. Stateless and thread-safe.
 */
public final class StatementSplitter {

    /**
     * Splits a section into statements.
     *
     * <p>Each statement's text runs from its first character that is neither blank nor part of a
     * comment up to (not including) its terminating {@code ;}, with trailing whitespace removed;
     * comments inside or after the statement text are kept. Statements that are empty or only
     * comments are dropped. A final statement without {@code ;} counts. {@link Statement#line()} is
     * the 1-based file line of the statement's first character, counting from
     * {@link ScriptSection#firstLine()}. In {@link SqlSyntax#MYSQL}, {@code /*!...*}{@code /} and
     * {@code /*+...*}{@code /} comments are significant (MySQL executes them), so a statement made of
     * one of them is kept.
     *
     * <p>MariaDB and MySQL stored programs: a {@code CREATE [OR REPLACE] [DEFINER=...] PROCEDURE | FUNCTION |
     * TRIGGER | EVENT} statement, or a {@code BEGIN NOT ATOMIC} block, ends only at a {@code ;} outside its
     * {@code BEGIN ... END} (and {@code CASE ... END}) blocks, so a routine body is one statement. A line
     * {@code DELIMITER X} (the mysql client's command) makes statements end at {@code X} instead of {@code ;}
     * until {@code DELIMITER ;}; the {@code DELIMITER} lines themselves are not statements.
     *
     * @param section   the section to split
     * @param syntax    the lexical rules of the target database
     * @param fileLabel the script file, for error messages
     * @return the statements in order; empty for an empty section
     * @throws ScriptParseException on an unterminated string, quoted identifier, block comment or
     *                              dollar quote (naming the line where it starts), or a
     *                              {@code DELIMITER} line without a delimiter
     */
    public List<Statement> split(ScriptSection section, SqlSyntax syntax, String fileLabel) {
        return new Scanner(section.text(), section.firstLine(), syntax, fileLabel).run();
    }

    /** The state of one pass; {@code line} counts the newlines consumed so far. */
    private static final class Scanner {
        private final char[] s;
        private final String text;
        private final int n;
        private final int firstLine;
        private final SqlSyntax syntax;
        private final String file;
        private final List<Statement> out = new ArrayList<>();
        private int line;
        private int start = -1;
        private int startLine;
        /** The statement terminator of a {@code DELIMITER} line, or {@code null} for {@code ;}. */
        private String delimiter;
        /** Words of the current statement seen so far (MySQL syntax), to recognise a stored program. */
        private int words;
        private String firstWord;
        /** The current statement is a stored program whose {@code ;} inside blocks do not end it. */
        private boolean compound;
        /** Open {@code BEGIN} / {@code CASE} blocks of a compound statement. */
        private int depth;

        Scanner(String text, int firstLine, SqlSyntax syntax, String file) {
            this.text = text;
            this.s = text.toCharArray();
            this.n = s.length;
            this.firstLine = firstLine;
            this.syntax = syntax;
            this.file = file;
        }

        List<Statement> run() {
            int i = syntax == SqlSyntax.MYSQL ? delimiterLine(0) : 0;
            while (i < n) {
                char c = s[i];
                if (delimiter != null && c == delimiter.charAt(0) && text.startsWith(delimiter, i)) {
                    emit(i);
                    i += delimiter.length();
                    continue;
                }
                switch (c) {
                    case '\n' -> {
                        line++;
                        i++;
                        if (syntax == SqlSyntax.MYSQL) {
                            i = delimiterLine(i);
                        }
                    }
                    case ';' -> {
                        if (delimiter != null || depth > 0) {
                            i = plain(i);
                        } else {
                            emit(i);
                            i++;
                        }
                    }
                    case '\'' -> i = string(mark(i), i + 1, '\'', syntax.backslashEscapes);
                    case '"' -> i = syntax.backticksAndHashComments
                            ? string(mark(i), i + 1, '"', true)
                            : quoted(mark(i), i + 1, '"', "quoted identifier");
                    case '`' -> i = syntax.backticksAndHashComments
                            ? quoted(mark(i), i + 1, '`', "backtick identifier")
                            : plain(i);
                    case '#' -> i = syntax.backticksAndHashComments ? lineComment(i) : plain(i);
                    case '-' -> i = isDashComment(i) ? lineComment(i) : plain(i);
                    case '/' -> i = i + 1 < n && s[i + 1] == '*' ? blockComment(i) : plain(i);
                    case '$' -> i = syntax.dollarQuotes && !identBefore(i) ? dollar(i) : plain(i);
                    case 'E', 'e' -> i = syntax.escapeStringPrefix && i + 1 < n && s[i + 1] == '\'' && !identBefore(i)
                            ? string(mark(i), i + 2, '\'', true)
                            : plain(i);
                    default -> i = c <= ' ' ? i + 1 : plain(i);
                }
            }
            emit(n);
            return out;
        }

        private int plain(int i) {
            mark(i);
            if (syntax == SqlSyntax.MYSQL && Character.isLetter(s[i]) && !identBefore(i)) {
                return word(i);
            }
            return i + 1;
        }

        /**
         * Reads the word at {@code i} (MySQL syntax): the first words tell a stored program, whose {@code BEGIN} and
         * {@code CASE} open a block and whose {@code END} closes one ({@code END IF}, {@code END LOOP},
         * {@code END WHILE}, {@code END REPEAT}, {@code END FOR} close statements that were not counted).
         */
        private int word(int i) {
            int j = i;
            while (j < n && (Character.isLetterOrDigit(s[j]) || s[j] == '_' || s[j] == '$')) {
                j++;
            }
            String w = text.substring(i, j).toUpperCase(java.util.Locale.ROOT);
            words++;
            if (words == 1) {
                firstWord = w;
            } else if (!compound && words <= 8) {
                compound = "CREATE".equals(firstWord) && STORED_PROGRAMS.contains(w)
                        || "BEGIN".equals(firstWord) && words == 2 && "NOT".equals(w);
                if (compound && "NOT".equals(w)) {
                    depth = 1;
                }
            }
            if (!compound) {
                return j;
            }
            if ("BEGIN".equals(w) || "CASE".equals(w)) {
                depth++;
                return j;
            }
            if (!"END".equals(w)) {
                return j;
            }
            // END IF / END CASE ...: the closing word is consumed here, so END CASE is not read as a CASE.
            int k = j;
            while (k < n && (s[k] == ' ' || s[k] == '\t')) {
                k++;
            }
            int after = k;
            while (after < n && Character.isLetter(s[after])) {
                after++;
            }
            String next = text.substring(k, after).toUpperCase(java.util.Locale.ROOT);
            if (!CLOSES_UNCOUNTED.contains(next) && depth > 0) {
                depth--;
            }
            return CLOSES_UNCOUNTED.contains(next) || "CASE".equals(next) ? after : j;
        }

        private static final java.util.Set<String> STORED_PROGRAMS =
                java.util.Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT");
        private static final java.util.Set<String> CLOSES_UNCOUNTED =
                java.util.Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");

        /** Records {@code i} as the start of the current statement if it has none yet; returns {@code i}. */
        private int mark(int i) {
            if (start < 0) {
                start = i;
                startLine = line;
            }
            return i;
        }

        private void emit(int end) {
            if (start >= 0) {
                int e = end;
                while (e > start && s[e - 1] <= ' ') {
                    e--;
                }
                out.add(new Statement(text.substring(start, e), firstLine + startLine));
                start = -1;
            }
            words = 0;
            firstWord = null;
            compound = false;
            depth = 0;
        }

        private boolean identBefore(int i) {
            if (i == 0) {
                return false;
            }
            char p = s[i - 1];
            return Character.isLetterOrDigit(p) || p == '_' || p == '$';
        }

        private boolean isDashComment(int i) {
            if (i + 1 >= n || s[i + 1] != '-') {
                return false;
            }
            // MySQL only treats "--" as a comment when whitespace or a control character follows.
            return !syntax.dashCommentNeedsSpace || i + 2 >= n || s[i + 2] <= ' ';
        }

        private int lineComment(int i) {
            int j = i;
            while (j < n && s[j] != '\n') {
                j++;
            }
            return j; // the newline itself is handled by the main loop
        }

        /** A string with optional backslash escapes; a doubled quote is always an escaped quote. */
        private int string(int open, int i, char q, boolean backslash) {
            int openLine = line;
            int end = closingQuote(i, q, backslash);
            if (end >= 0) {
                return end;
            }
            String prefix = text.substring(open, i);
            throw unterminated(openLine, "unterminated string " + prefix + "...",
                    "close it with " + q + " (write " + q + q + (backslash ? " or \\" + q : "")
                            + " for a " + q + " inside it)");
        }

        /** A quoted identifier: only a doubled quote escapes. */
        private int quoted(int open, int i, char q, String what) {
            int openLine = line;
            int end = closingQuote(i, q, false);
            if (end >= 0) {
                return end;
            }
            throw unterminated(openLine, "unterminated " + what + " " + q + "...",
                    "close it with " + q + " (write " + q + q + " for a " + q + " inside it)");
        }

        /** The index after the closing {@code q} (counting lines on the way), or -1 at end of text. */
        private int closingQuote(int i, char q, boolean backslash) {
            int j = i;
            while (j < n) {
                char c = s[j];
                if (c == q) {
                    if (j + 1 < n && s[j + 1] == q) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                if (c == '\\' && backslash) {
                    j++;
                    if (j < n && s[j] == '\n') {
                        line++;
                    }
                } else if (c == '\n') {
                    line++;
                }
                j++;
            }
            return -1;
        }

        private int blockComment(int i) {
            int openLine = line;
            boolean significant = syntax == SqlSyntax.MYSQL && i + 2 < n && (s[i + 2] == '!' || s[i + 2] == '+');
            if (significant) {
                mark(i);
            }
            int depth = 1;
            int j = i + 2;
            while (j < n) {
                char c = s[j];
                if (c == '*' && j + 1 < n && s[j + 1] == '/') {
                    j += 2;
                    if (--depth == 0) {
                        return j;
                    }
                    continue;
                }
                if (c == '/' && syntax.nestedBlockComments && j + 1 < n && s[j + 1] == '*') {
                    depth++;
                    j += 2;
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                j++;
            }
            throw unterminated(openLine, "unterminated block comment '/*'",
                    syntax.nestedBlockComments
                            ? "close it with '*/' (comments nest: every '/*' inside needs its own '*/')"
                            : "close it with '*/'");
        }

        /** A dollar quote if {@code $} starts {@code $$} or {@code $tag$}; otherwise an ordinary character. */
        private int dollar(int i) {
            int j = i + 1;
            if (j < n && isTagStart(s[j])) {
                j++;
                while (j < n && isTagPart(s[j])) {
                    j++;
                }
            }
            if (j >= n || s[j] != '$') {
                return plain(i); // e.g. the parameter $1, or a lone $
            }
            mark(i);
            String tag = text.substring(i, j + 1);
            int openLine = line;
            int close = text.indexOf(tag, j + 1);
            if (close < 0) {
                throw unterminated(openLine, "unterminated dollar-quoted string " + tag + "...",
                        "close it with " + tag);
            }
            for (int k = j + 1; k < close; k++) {
                if (s[k] == '\n') {
                    line++;
                }
            }
            return close + tag.length();
        }

        private static boolean isTagStart(char c) {
            return Character.isLetter(c) || c == '_' || c >= 0x80;
        }

        private static boolean isTagPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c >= 0x80;
        }

        /**
         * At the start of a line (MySQL syntax): a {@code DELIMITER X} line sets the terminator and is skipped
         * (a statement still open before it ends there); returns where scanning goes on.
         */
        private int delimiterLine(int i) {
            int j = i;
            while (j < n && (s[j] == ' ' || s[j] == '\t')) {
                j++;
            }
            if (!text.regionMatches(true, j, "DELIMITER", 0, 9) || (j + 9 < n && s[j + 9] > ' ')) {
                return i;
            }
            int end = text.indexOf('\n', j);
            end = end < 0 ? n : end;
            String value = text.substring(j + 9, end).trim();
            if (value.isEmpty() || value.contains(" ")) {
                throw new ScriptParseException(file, firstLine + line, "'DELIMITER' needs one delimiter, e.g. "
                        + "'DELIMITER //'", "write the delimiter after DELIMITER, and 'DELIMITER ;' after the routine");
            }
            emit(i);
            delimiter = ";".equals(value) ? null : value;
            return end;
        }

        private ScriptParseException unterminated(int relLine, String problem, String action) {
            return new ScriptParseException(file, firstLine + relLine, problem + " starting on this line", action);
        }
    }
}
