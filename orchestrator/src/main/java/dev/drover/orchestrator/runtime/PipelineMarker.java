package dev.drover.orchestrator.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the statements of a pipelined transaction so that a failure can be traced to one of them: a
 * leading comment holding the statement's index ({@code drover:N}), which the server ignores and the
 * driver quotes with the failing statement in its batch error, in any language.
 */
final class PipelineMarker {

    private static final Pattern MARKER = Pattern.compile("/\\* drover:(\\d+) \\*/");

    private PipelineMarker() {}

    static String mark(int index, String sql) {
        return "/* drover:" + index + " */ " + sql;
    }

    /**
     * The 0-based index of the failing statement named in {@code failure}'s message, or -1 when it names
     * none of the {@code count} statements (the failure was BEGIN's or COMMIT's, or the driver left the
     * statement out of its message).
     */
    static int failedIndex(Throwable failure, int count) {
        String message = failure.getMessage();
        Matcher m = message == null ? null : MARKER.matcher(message);
        if (m == null || !m.find()) {
            return -1;
        }
        int index = Integer.parseInt(m.group(1));
        return index < count ? index : -1;
    }
}
