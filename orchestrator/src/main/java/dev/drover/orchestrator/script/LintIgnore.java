package dev.drover.orchestrator.script;

/**
 * A script header's {@code -- lint_ignore: RULE reason}: the script's findings of lint rule {@code rule} are
 * silenced, with the reason a reviewer reads.
 *
 * @param rule   the rule id, e.g. {@code create-index-not-concurrently}
 * @param reason why the operation is safe here (never empty)
 * @param line   the header line, for messages
 */
public record LintIgnore(String rule, String reason, int line) {}
