package dev.drover.orchestrator.command;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@code drover revision} (and, with several heads, {@code drover merge}).
 *
 * @param message            the revision message ({@code -m})
 * @param heads              specifiers of the revisions to build on: {@code head} by default,
 *                           {@code base} for a new root, several for a merge
 * @param splice             allow building on a revision that is not a head (creates a branch)
 * @param branchLabels       labels to put on the new revision
 * @param versionPath        the version location to write to; {@code null} to infer it
 * @param revId              an explicit id, or {@code null} for a random 12-hex-digit one
 * @param dependsOn          {@code depends_on} specifiers (ids, partial ids or branch labels)
 * @param fileTemplate       the file name template, already INI-unescaped
 * @param truncateSlugLength the maximum slug length
 */
public record RevisionRequest(
        String message,
        List<String> heads,
        boolean splice,
        List<String> branchLabels,
        Path versionPath,
        String revId,
        List<String> dependsOn,
        String fileTemplate,
        int truncateSlugLength) {

    public RevisionRequest {
        heads = heads == null || heads.isEmpty() ? List.of("head") : List.copyOf(heads);
        branchLabels = branchLabels == null ? List.of() : List.copyOf(branchLabels);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        message = message == null ? "" : message;
    }
}
