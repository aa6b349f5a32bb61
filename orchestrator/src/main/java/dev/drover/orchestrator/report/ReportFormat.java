package dev.drover.orchestrator.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The formats of a report file: JSON (the default) and a self-contained HTML page. */
public enum ReportFormat {
    JSON, HTML;

    /**
     * The format asked for: {@code explicit} ({@code json} or {@code html}, any case) when given, else by the
     * file's extension ({@code .html}, {@code .htm}: HTML; anything else: JSON).
     *
     * @throws IllegalArgumentException naming the value when {@code explicit} is neither
     */
    public static ReportFormat of(Path file, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return switch (explicit.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "html" -> HTML;
                default -> throw new IllegalArgumentException("report format '" + explicit
                        + "' is not known; pass --report-format json or --report-format html");
            };
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") ? HTML : JSON;
    }

    /**
     * Writes {@code content} to {@code file} (replacing it), creating missing parent directories.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void writeText(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run report '" + file + "': " + e.getMessage()
                    + "; choose a writable path for --report", e);
        }
    }

    /**
     * Writes {@code report} to {@code file} in this format.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public void write(RunReport report, Path file) {
        writeText(file, this == HTML ? HtmlReport.render(report) : ReportJson.toJson(report) + System.lineSeparator());
    }
}
