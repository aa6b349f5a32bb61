package dev.drover.orchestrator.script;

/**
 * One SQL statement of a script section, without its terminating semicolon.
 *
 * @param sql  the statement text, unrendered (placeholders still in place)
 * @param line the 1-based line of the script file where the statement starts
 */
public record Statement(String sql, int line) {}
