package dev.drover.orchestrator.script;

/**
 * A migration script cannot be read as Drover SQL: a bad header, a misplaced section marker, an
 * unterminated quote or comment, an undefined placeholder. The message has the form
 * {@code <file>:<line>: <problem>; <next action>}, so an editor or terminal can jump to the spot.
 * The CLI maps it to exit code 2 (validation error before any target changed).
 */
public class ScriptParseException extends RuntimeException {

    private final String file;
    private final int line;

    /**
     * @param file    the script file as the user knows it (usually its path)
     * @param line    the 1-based line of the file where the problem is (or starts)
     * @param problem what is wrong, with identifiers in single quotes
     * @param action  what the user should do next
     */
    public ScriptParseException(String file, int line, String problem, String action) {
        super(file + ":" + line + ": " + problem + "; " + action);
        this.file = file;
        this.line = line;
    }

    /** The script file as given to the parser (usually its path). */
    public String file() {
        return file;
    }

    /** The 1-based line of the file where the problem is (or where the unterminated construct starts). */
    public int line() {
        return line;
    }
}
