package dev.drover.orchestrator.script;

/**
 * The lexical rules a {@link StatementSplitter} needs to find statement boundaries: which quotes,
 * identifiers and comments can hide a {@code ;}. It is not a SQL parser; it only knows where a
 * semicolon is <em>not</em> a terminator.
 */
public enum SqlSyntax {

    /**
     * PostgreSQL and H2: {@code '...'} strings with {@code ''} doubling (a backslash is an ordinary
     * character), {@code E'...'} / {@code e'...'} strings with backslash escapes, {@code "identifiers"}
     * with {@code ""} doubling, {@code --} line comments, nested {@code /* *}{@code /} block comments,
     * and dollar quoting {@code $$...$$} / {@code $tag$...$tag$} (a {@code $1} parameter is not a quote).
     */
    STANDARD(true, true, false, false, true, false),

    /**
     * MariaDB and MySQL: {@code '...'} and {@code "..."} strings with backslash escapes and doubling,
     * {@code `identifiers`} with doubled backticks, {@code -- } (dashes followed by whitespace) and
     * {@code #} line comments, non-nested block comments, no dollar quoting. A {@code DELIMITER}
     * directive (a client-side command of the {@code mysql} tool) is rejected.
     */
    MYSQL(false, false, true, true, false, true);

    final boolean dollarQuotes;
    final boolean escapeStringPrefix;
    final boolean backslashEscapes;
    final boolean backticksAndHashComments;
    final boolean nestedBlockComments;
    final boolean dashCommentNeedsSpace;

    SqlSyntax(boolean dollarQuotes, boolean escapeStringPrefix, boolean backslashEscapes,
              boolean backticksAndHashComments, boolean nestedBlockComments, boolean dashCommentNeedsSpace) {
        this.dollarQuotes = dollarQuotes;
        this.escapeStringPrefix = escapeStringPrefix;
        this.backslashEscapes = backslashEscapes;
        this.backticksAndHashComments = backticksAndHashComments;
        this.nestedBlockComments = nestedBlockComments;
        this.dashCommentNeedsSpace = dashCommentNeedsSpace;
    }
}
