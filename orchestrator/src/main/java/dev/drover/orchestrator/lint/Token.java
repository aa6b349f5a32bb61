package dev.drover.orchestrator.lint;

import java.util.Locale;

/**
 * One lexical token of a statement, as the lint rules see it.
 *
 * @param kind what it is
 * @param text a {@link Kind#WORD} in upper case (keywords compare directly); a {@link Kind#NAME} (quoted
 *             identifier) exactly as quoted, without the quotes; a symbol as written; strings and numbers as written
 */
record Token(Kind kind, String text) {

    enum Kind { WORD, NAME, STRING, NUMBER, SYMBOL }

    static Token word(String raw) {
        return new Token(Kind.WORD, raw.toUpperCase(Locale.ROOT));
    }

    /** Whether this is the keyword (or unquoted identifier) {@code upper}. */
    boolean is(String upper) {
        return kind == Kind.WORD && text.equals(upper);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** An identifier as the database folds it: unquoted words in lower case, quoted names exactly. */
    String identifier() {
        return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
    }
}
