package dev.drover.cli.render;

import dev.drover.orchestrator.report.ReportJson;

/**
 * Writes the CLI's own {@code --format json} documents (targets, status, current, revisions,
 * templates...) with the run report's one JSON set-up ({@link ReportJson}): indented, {@code null}s
 * kept, maps in insertion order, ISO-8601 instants.
 */
public final class Json {

    private Json() {}

    /** {@code document} (maps, lists, records, strings, numbers, booleans) as indented JSON. */
    public static String write(Object document) {
        return ReportJson.toJson(document);
    }
}
