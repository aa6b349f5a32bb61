package dev.drover.orchestrator.command;

import java.nio.file.Path;
import java.util.List;

/**
 * What the script-only commands show about one revision: its place in the graph and its script.
 *
 * @param id            revision id
 * @param downRevisions parents (empty for a base)
 * @param dependsOn     declared {@code depends_on}
 * @param branchLabels  effective branch labels (declared plus inherited along the branch)
 * @param nextRevisions children, in id order
 * @param head          no other revision builds on it or depends on it
 * @param branchPoint   more than one child
 * @param mergePoint    more than one parent
 * @param message       the revision message
 * @param createDate    the {@code create_date} header, verbatim
 * @param path          the script file
 */
public record RevisionView(
        String id,
        List<String> downRevisions,
        List<String> dependsOn,
        List<String> branchLabels,
        List<String> nextRevisions,
        boolean head,
        boolean branchPoint,
        boolean mergePoint,
        String message,
        String createDate,
        Path path) {

    public RevisionView {
        downRevisions = List.copyOf(downRevisions);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
        nextRevisions = List.copyOf(nextRevisions);
    }
}
