package dev.drover.orchestrator.graph;

import java.util.List;
import java.util.Objects;

/**
 * One node of the revision graph, as declared by a migration script's header.
 *
 * <p>Pure value: it knows nothing about files except {@code source}, an opaque label (usually the
 * script's path) that graph errors quote so the user knows which file to fix.
 *
 * @param id            the revision id, e.g. {@code 3c4d5e6f7a8b}
 * @param downRevisions parents; empty for a base, several for a merge point
 * @param branchLabels  labels declared on this revision ({@code branch_labels})
 * @param dependsOn     cross-branch dependencies ({@code depends_on}): revision ids or labels
 * @param message       the revision message (may be empty)
 * @param source        where the revision was declared, for error messages; may be {@code null}
 */
public record Revision(
        String id,
        List<String> downRevisions,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        String source) {

    public Revision {
        Objects.requireNonNull(id, "id");
        downRevisions = List.copyOf(downRevisions);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        message = message == null ? "" : message;
    }

    /** A revision with no labels, dependencies or source, for tests and simple graphs. */
    public static Revision of(String id, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), List.of(), List.of(), "", null);
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    public boolean isMergePoint() {
        return downRevisions.size() > 1;
    }
}
