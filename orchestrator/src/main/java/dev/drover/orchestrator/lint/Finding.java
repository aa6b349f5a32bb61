package dev.drover.orchestrator.lint;

/**
 * One lint finding: a statement of a migration script that locks or rewrites a table on a live database.
 *
 * @param file      the script file
 * @param line      the statement's first line in the file
 * @param revision  the script's revision
 * @param direction {@code upgrade} or {@code downgrade}: the section the statement is in
 * @param dialect   the database family the rule is about: {@code postgresql}, {@code mariadb}
 * @param rule      the rule id, which {@code -- lint_ignore: RULE reason} names to silence it
 * @param why       what the statement does to a busy table
 * @param rewrite   the safe way to do it
 * @param silenced  the reason of the script's {@code lint_ignore} for this rule, or {@code null}
 */
public record Finding(String file, int line, String revision, String direction, String dialect, String rule, String why,
        String rewrite, String silenced) {

    /** Whether a {@code lint_ignore} silences it (not a bean getter: the report keeps {@code silenced} the reason). */
    public boolean ignored() {
        return silenced != null;
    }

    /** {@code file:line: rule (dialect, direction): why} on one line. */
    public String headline() {
        return file + ":" + line + ": " + rule + " (" + dialect + ", " + direction + "): " + why;
    }
}
