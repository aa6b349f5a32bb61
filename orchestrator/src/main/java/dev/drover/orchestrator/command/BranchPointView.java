package dev.drover.orchestrator.command;

import java.util.List;

/** A branch point and the revisions it branches into, for {@code drover branches}. */
public record BranchPointView(RevisionView branchPoint, List<RevisionView> branches) {
    public BranchPointView {
        branches = List.copyOf(branches);
    }
}
