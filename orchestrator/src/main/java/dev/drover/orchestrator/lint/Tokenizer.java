package dev.drover.orchestrator.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one statement (as the script splitter cut it) into tokens: words, quoted names, strings, numbers
 * and symbols; comments dropped. It is not a parser: the lint rules only need to recognise the shape of
 * DDL statements. Placeholders such as {@code ${tenant}} are kept inside words.
 */
final class Tokenizer {

    private final boolean mysql;

    /** @param mysql MariaDB/MySQL rules: backtick names, {@code #} comments, double-quoted strings */
    Tokenizer(boolean mysql) {
        this.mysql = mysql;
    }

    List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || mysql && c == '#') {
                i = endOfLine(sql, i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || mysql && c == '"') {
                int end = closing(sql, i + 1, c, mysql);
                out.add(new Token(Token.Kind.STRING, sql.substring(i, end)));
                i = end;
            } else if (c == '"' || mysql && c == '`') {
                int end = closing(sql, i + 1, c, false);
                out.add(new Token(Token.Kind.NAME, sql.substring(i + 1, Math.max(i + 1, end - 1))
                        .replace(String.valueOf(c) + c, String.valueOf(c))));
                i = end;
            } else if (c == '$' && !mysql && dollarTag(sql, i) > i) {
                int tagEnd = dollarTag(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                i = close < 0 ? n : close + tag.length();
                out.add(new Token(Token.Kind.STRING, "$$"));
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Token.Kind.NUMBER, sql.substring(i, j)));
                i = j;
            } else if (isWordChar(c)) {
                int j = i;
                while (j < n && (isWordChar(sql.charAt(j)) || sql.charAt(j) == '{' && j > i && sql.charAt(j - 1) == '$'
                        || sql.charAt(j) == '}' || Character.isDigit(sql.charAt(j)))) {
                    j++;
                }
                out.add(Token.word(sql.substring(i, j)));
                i = j;
            } else {
                out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static int endOfLine(String sql, int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end + 1;
    }

    /** The index after the closing quote (a doubled quote, or a backslash where allowed, escapes it). */
    private static int closing(String sql, int i, char quote, boolean backslash) {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** The index after a {@code $tag$} opening at {@code i}, or {@code i} when there is none (e.g. {@code $1}). */
    private static int dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        boolean tag = j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)));
        return tag ? j + 1 : i;
    }
}
