package dev.drover.orchestrator.script;

/**
 * The raw text of one section of a script ({@code -- drover:upgrade} or {@code -- drover:downgrade}),
 * kept unsplit because splitting depends on the target's SQL syntax (see {@code SqlSyntax}).
 *
 * @param text      the section body, after its marker line, line endings normalised to {@code \n}
 * @param firstLine the 1-based line of the script file on which {@code text} starts
 */
public record ScriptSection(String text, int firstLine) {
    public static final ScriptSection EMPTY = new ScriptSection("", 1);
}
