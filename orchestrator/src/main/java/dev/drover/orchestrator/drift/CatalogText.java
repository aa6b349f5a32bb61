package dev.drover.orchestrator.drift;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalises definitions read from a catalog so that the same DDL reads the same in every tenant. */
public final class CatalogText {

    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** A single-quoted SQL string literal ({@code ''} inside). */
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");

    private CatalogText() {}

    /**
     * {@code definition} without the qualifier {@code schema.}, quoted ({@code "schema".},
     * {@code `schema`.}) or not, and with runs of white space reduced to one space.
     */
    public static String withoutSchema(String definition, String schema) {
        return normalise(definition, schema, null);
    }

    /**
     * As {@link #withoutSchema}, and inside string literals (where a script's {@code ${tenant}} and
     * {@code ${schema}} placeholders end up, e.g. in a column default) the tenant's name and schema
     * name as whole words replaced by {@code ${tenant}} and {@code ${schema}}: outside literals a name
     * is an identifier, and replacing it there could hide a real difference.
     *
     * @param tenant the tenant's name, or {@code null}
     */
    public static String normalise(String definition, String schema, String tenant) {
        if (definition == null || definition.isEmpty()) {
            return "";
        }
        String text = definition;
        if (schema != null && !schema.isEmpty()) {
            String name = Pattern.quote(schema);
            String quoted = Pattern.quote("\"" + schema.replace("\"", "\"\"") + "\"");
            String backticked = Pattern.quote("`" + schema.replace("`", "``") + "`");
            text = Pattern.compile("(?<![\\w$\"`])(?:" + quoted + "|" + backticked + "|" + name + "(?![\\w$]))\\.",
                    Pattern.CASE_INSENSITIVE).matcher(text).replaceAll("");
        }
        if (text.indexOf('\'') >= 0 && (schema != null || tenant != null)) {
            text = inLiterals(text, schema, tenant);
        }
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String inLiterals(String text, String schema, String tenant) {
        Matcher literals = LITERAL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (literals.find()) {
            String literal = literals.group();
            if (tenant != null && !tenant.isEmpty()) {
                literal = word(tenant).matcher(literal).replaceAll(Matcher.quoteReplacement("${tenant}"));
            }
            if (schema != null && !schema.isEmpty() && !schema.equals(tenant)) {
                literal = word(schema).matcher(literal).replaceAll(Matcher.quoteReplacement("${schema}"));
            }
            literals.appendReplacement(out, Matcher.quoteReplacement(literal));
        }
        literals.appendTail(out);
        return out.toString();
    }

    private static Pattern word(String name) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])");
    }
}
