package dev.drover.orchestrator.drift;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalises definitions read from a catalog so that the same DDL reads the same in every tenant. */
public final class CatalogText {

    private static final Pattern SPACE = Pattern.compile("\\s+");

    private CatalogText() {}

    /**
     * {@code definition} without the qualifier {@code schema.}, quoted ({@code "schema".},
     * {@code `schema`.}) or not, and with runs of white space reduced to one space.
     */
    public static String withoutSchema(String definition, String schema) {
        if (definition == null || definition.isEmpty()) {
            return "";
        }
        String text = definition;
        if (schema != null && !schema.isEmpty()) {
            String name = Pattern.quote(schema);
            String quoted = Pattern.quote("\"" + schema.replace("\"", "\"\"") + "\"");
            String backticked = Pattern.quote("`" + schema.replace("`", "``") + "`");
            text = Pattern.compile("(?<![\\w$\"`])(?:" + quoted + "|" + backticked + "|" + name + "(?![\\w$]))\\.",
                    Pattern.CASE_INSENSITIVE).matcher(text).replaceAll(Matcher.quoteReplacement(""));
        }
        return SPACE.matcher(text).replaceAll(" ").strip();
    }
}
