package dev.drover.orchestrator.script;

/**
 * A {@code ${...}} placeholder in a script is undefined or malformed. Raised at plan time, before
 * any target is touched; the message names file, line and placeholder.
 */
public class PlaceholderException extends ScriptParseException {

    private final String placeholder;

    /**
     * @param placeholder the placeholder as written, e.g. {@code ${x.region}}
     */
    public PlaceholderException(String file, int line, String placeholder, String problem, String action) {
        super(file, line, problem, action);
        this.placeholder = placeholder;
    }

    /** The placeholder as written in the script, e.g. {@code ${x.region}}. */
    public String placeholder() {
        return placeholder;
    }
}
