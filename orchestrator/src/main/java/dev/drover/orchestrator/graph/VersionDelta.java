package dev.drover.orchestrator.graph;

import java.util.List;
import java.util.TreeSet;

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

    /**
     * The heads after this delta is applied to {@code heads}, sorted: what the version table holds once
     * the step's transaction commits.
     */
    public List<String> applyTo(List<String> heads) {
        TreeSet<String> after = new TreeSet<>(heads);
        after.removeAll(deleted);
        for (RowUpdate update : updated) {
            after.remove(update.from());
            after.add(update.to());
        }
        after.addAll(inserted);
        return List.copyOf(after);
    }

    public boolean isEmpty() {
        return deleted.isEmpty() && updated.isEmpty() && inserted.isEmpty();
    }
}
