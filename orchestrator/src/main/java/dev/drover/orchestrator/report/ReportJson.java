package dev.drover.orchestrator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes a {@link RunReport} as JSON: ISO-8601 instants, nulls kept ({@code "error": null}), fields in report order. */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    /** The report as an indented JSON document. */
    public static String toJson(RunReport report) {
        return toJson((Object) report);
    }

    /** Any plain value (records, lists, maps) as an indented JSON document, in the report's conventions. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render the run report as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the report to {@code file} (replacing it), creating missing parent directories.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(RunReport report, Path file) {
        ReportFormat.JSON.write(report, file);
    }

    /** Any plain value as JSON on one line (the HTML report's embedded data). */
    static String toCompactJson(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render the run report as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a report back (tests, tooling). */
    public static RunReport read(String json) {
        try {
            return MAPPER.readValue(json, RunReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Drover run report: " + e.getOriginalMessage()
                    + "; pass a file written by --report", e);
        }
    }
}
