package dev.drover.api;

import java.nio.file.Path;
import java.util.List;

/**
 * One revision of a script directory as {@link Scripts} reports it ({@code drover heads}, {@code branches},
 * {@code history}, {@code show}): its place in the revision graph and its script file.
 *
 * @param id            the revision id
 * @param downRevisions its parents, as the script declares them (empty for a base revision)
 * @param dependsOn     its declared {@code depends_on}
 * @param branchLabels  its effective branch labels (declared, plus those inherited along its branch)
 * @param nextRevisions its children, in id order
 * @param head          no other revision builds on it
 * @param branchPoint   it has more than one child
 * @param mergePoint    it has more than one parent
 * @param message       the revision message
 * @param createDate    the script's {@code create_date} header, verbatim ({@code ""} when absent)
 * @param path          the script file, or {@code null} when the revision has none
 * @param current       a selected target is at this revision; only {@link Scripts#history(String, Selection)}
 *                      sets it, everywhere else it is {@code false}
 */
public record RevisionInfo(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels,
        List<String> nextRevisions, boolean head, boolean branchPoint, boolean mergePoint, String message,
        String createDate, Path path, boolean current) {

    public RevisionInfo {
        downRevisions = List.copyOf(downRevisions);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
        nextRevisions = List.copyOf(nextRevisions);
    }
}
