package dev.drover.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes the CLI's own {@code --format json} documents (targets, status, current, revisions,
 * templates...): indented, {@code null}s kept, maps in insertion order. The run report has its own
 * writer ({@code ReportJson}), which fixes the report's schema.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** {@code document} (maps, lists, strings, numbers, booleans) as indented JSON. */
    public static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render JSON output: " + e.getOriginalMessage(), e);
        }
    }
}
