package dev.drover.orchestrator.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A self-contained HTML page under construction: escaped text, the report's inline style sheet, embedded JSON
 * data and inline scripts. Everything the page needs is in the one file it becomes.
 */
final class HtmlPage {

    private final StringBuilder html = new StringBuilder(64 * 1024);

    HtmlPage(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>");
        text(title);
        html.append("</title>\n<style>\n").append(resource("report.css")).append("</style>\n</head>\n<body>\n<h1>");
        text(title);
        html.append("</h1>\n");
    }

    /** Appends markup as is. */
    HtmlPage raw(String markup) {
        html.append(markup);
        return this;
    }

    /** Appends text, escaped for element content and attribute values. */
    HtmlPage text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return this;
    }

    /**
     * Embeds JSON as a data block. {@code <} is written as {@code \u003c} (only strings hold it in JSON), so no
     * value can close the block.
     */
    HtmlPage data(String id, String json) {
        html.append("<script type=\"application/json\" id=\"").append(id).append("\">")
                .append(json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
                .append("</script>\n");
        return this;
    }

    HtmlPage script(String code) {
        html.append("<script>\n").append(code).append("</script>\n");
        return this;
    }

    String finish() {
        return html.append("</body>\n</html>\n").toString();
    }

    /** A text resource of this package ({@code report.css}, {@code timeline.js}). */
    static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource '" + name + "' is missing from the Drover jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}. */
    static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%d min %02d s", ms / 60_000, ms / 1000 % 60);
    }
}
