package dev.drover.orchestrator.script;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What {@code drover revision} / {@code drover merge} write into a new script header.
 *
 * @param id            the new revision id ({@code [A-Za-z0-9_]+}), see {@link RevisionIds}
 * @param downRevisions parents; empty for a base, several for a merge
 * @param branchLabels  {@code branch_labels}; may be empty
 * @param dependsOn     {@code depends_on}; may be empty
 * @param message       the {@code -m} message (may be empty); also the source of the file name slug
 * @param createDate    {@code create_date}, also used by date tokens of the file template
 * @param transactional {@code false} writes {@code transactional: false}
 */
public record NewRevision(
        String id,
        List<String> downRevisions,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        LocalDateTime createDate,
        boolean transactional) {

    public NewRevision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createDate, "createDate");
        downRevisions = List.copyOf(downRevisions);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        message = message == null ? "" : message;
    }
}
