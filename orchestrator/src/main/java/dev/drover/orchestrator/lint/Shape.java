package dev.drover.orchestrator.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * A token list with the few questions the rules ask: does it start with these keywords, where is a keyword,
 * which table does an {@code ALTER TABLE} / {@code CREATE INDEX} name, and what are the comma-separated
 * actions of an {@code ALTER TABLE} (commas inside parentheses do not separate).
 */
final class Shape {

    /** A table name as read from a statement: the last part of a qualified name, folded like the database does. */
    record Name(String name, int next) {}

    private final List<Token> tokens;

    Shape(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    int size() {
        return tokens.size();
    }

    Token get(int i) {
        return i < tokens.size() ? tokens.get(i) : new Token(Token.Kind.SYMBOL, "");
    }

    /** Whether the tokens from {@code at} are the keywords {@code words}. */
    boolean at(int at, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!get(at + k).is(words[k])) {
                return false;
            }
        }
        return true;
    }

    boolean startsWith(String... words) {
        return at(0, words);
    }

    /** The first index from {@code from} holding keyword {@code word}, or -1. */
    int indexOf(String word, int from) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    boolean has(String word) {
        return indexOf(word, 0) >= 0;
    }

    /** Whether the keywords {@code words} follow each other somewhere. */
    boolean hasSequence(String... words) {
        for (int i = 0; i < tokens.size(); i++) {
            if (at(i, words)) {
                return true;
            }
        }
        return false;
    }

    /** Skips the keywords {@code words} at {@code at} if present (e.g. {@code IF NOT EXISTS}). */
    int skip(int at, String... words) {
        return at(at, words) ? at + words.length : at;
    }

    /** A possibly qualified name starting at {@code at} ({@code a.b.c}: {@code c}); {@code null} when none is there. */
    Name name(int at) {
        Token first = get(at);
        if (first.kind() != Token.Kind.WORD && first.kind() != Token.Kind.NAME) {
            return null;
        }
        int i = at;
        String last = first.identifier();
        while (get(i + 1).isSymbol(".") && (get(i + 2).kind() == Token.Kind.WORD || get(i + 2).kind() == Token.Kind.NAME)) {
            i += 2;
            last = get(i).identifier();
        }
        return new Name(last, i + 1);
    }

    /**
     * For {@code ALTER TABLE [IF EXISTS] [ONLY] name action, action...}: the table and the actions; {@code null}
     * for any other statement.
     */
    AlterTable alterTable() {
        if (!startsWith("ALTER", "TABLE")) {
            return null;
        }
        int i = skip(skip(2, "IF", "EXISTS"), "ONLY");
        Name table = name(i);
        if (table == null) {
            return null;
        }
        List<Shape> actions = new ArrayList<>();
        int depth = 0;
        int start = table.next();
        for (int k = start; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (t.isSymbol(",") && depth == 0) {
                actions.add(new Shape(tokens.subList(start, k)));
                start = k + 1;
            }
        }
        actions.add(new Shape(tokens.subList(start, tokens.size())));
        return new AlterTable(table.name(), actions);
    }

    /** An {@code ALTER TABLE}'s table and its actions. */
    record AlterTable(String table, List<Shape> actions) {}

    /** The word after {@code KEY =} or {@code KEY} in this shape (MariaDB {@code ALGORITHM=INPLACE}), or {@code null}. */
    String option(String key) {
        int i = indexOf(key, 0);
        if (i < 0) {
            return null;
        }
        int value = get(i + 1).isSymbol("=") ? i + 2 : i + 1;
        return get(value).kind() == Token.Kind.WORD ? get(value).text() : null;
    }
}
