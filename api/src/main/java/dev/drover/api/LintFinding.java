package dev.drover.api;

/**
 * A statement a run would execute that locks or rewrites a busy table ({@code drover lint}).
 *
 * @param file      the script file
 * @param line      the statement's first line
 * @param revision  the revision
 * @param direction {@code upgrade} or {@code downgrade}
 * @param dialect   {@code postgresql} or {@code mariadb}
 * @param rule      the rule id ({@code -- lint_ignore: RULE reason} silences it)
 * @param why       what the statement does to a busy table
 * @param rewrite   the safe way to do it
 * @param silenced  the reason of the script's {@code lint_ignore}, or {@code null} when the finding is open
 */
public record LintFinding(String file, int line, String revision, String direction, String dialect, String rule,
        String why, String rewrite, String silenced) {}
