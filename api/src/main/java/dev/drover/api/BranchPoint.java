package dev.drover.api;

import java.util.List;

/**
 * A revision with more than one child, and those children ({@code drover branches}).
 *
 * @param branchPoint the revision the branches start from
 * @param branches    the revisions it branches into, in id order
 */
public record BranchPoint(RevisionInfo branchPoint, List<RevisionInfo> branches) {

    public BranchPoint {
        branches = List.copyOf(branches);
    }
}
