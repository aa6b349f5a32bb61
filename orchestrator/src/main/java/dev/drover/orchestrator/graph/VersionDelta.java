package dev.drover.orchestrator.graph;

import java.util.List;

/**
 * The change a step makes to a target's version table (one row per current head), applied in
 * the step's own transaction. The runtime applies it in this order: {@code deleted}, then
 * {@code updated}, then {@code inserted}; it never needs the graph.
 *
 * @param deleted  head rows removed ({@code DELETE ... WHERE version_num = ?})
 * @param updated  head rows rewritten in place ({@code UPDATE ... SET version_num = to WHERE version_num = from})
 * @param inserted head rows added ({@code INSERT ... VALUES (?)})
 */
public record VersionDelta(List<String> deleted, List<RowUpdate> updated, List<String> inserted) {

    public VersionDelta {
        deleted = List.copyOf(deleted);
        updated = List.copyOf(updated);
        inserted = List.copyOf(inserted);
    }

    /** One head row rewritten from {@code from} to {@code to}. */
    public record RowUpdate(String from, String to) {}

    public boolean isEmpty() {
        return deleted.isEmpty() && updated.isEmpty() && inserted.isEmpty();
    }
}
