package dev.drover.orchestrator.graph;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders revisions for graph error messages: the id in single quotes followed by the file that
 * declared it, so every message tells the user which file to open.
 */
final class RevisionText {

    /** Appended to messages about several heads: the three ways out, in Alembic's vocabulary. */
    static final String MULTIPLE_HEADS_FIX =
            "use 'heads', a '<branch>@head' or merge them with 'drover merge'";

    private RevisionText() {}

    /** {@code 'abc' (migrations/abc_x.sql)}, or just {@code 'abc'} when the source is unknown. */
    static String describe(Revision revision) {
        return revision.source() == null
                ? quote(revision.id())
                : quote(revision.id()) + " (" + revision.source() + ")";
    }

    /** Describes an id through the index when it is known, else just quotes it. */
    static String describe(String id, Map<String, Revision> byId) {
        Revision revision = byId.get(id);
        return revision == null ? quote(id) : describe(revision);
    }

    static String describeAll(Collection<String> ids, Map<String, Revision> byId) {
        return ids.stream().map(id -> describe(id, byId)).collect(Collectors.joining(", "));
    }

    static String quote(String text) {
        return "'" + text + "'";
    }
}
