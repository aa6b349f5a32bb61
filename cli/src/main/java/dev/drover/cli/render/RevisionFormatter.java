package dev.drover.cli.render;

import dev.drover.api.RevisionInfo;
import java.util.List;

/**
 * Renders revisions the way Alembic's {@code Script.cmd_format} and {@code log_entry} do, so
 * {@code heads}, {@code branches}, {@code history} and {@code show} read like Alembic's output.
 */
public final class RevisionFormatter {

    private RevisionFormatter() {}

    /**
     * One line: {@code [parents -> ]id[ (labels)][ (head)][ (branchpoint)][ (mergepoint)][, message]}.
     */
    public static String line(RevisionInfo rev, boolean includeBranches, boolean includeDoc,
            boolean includeParents, boolean treeIndicators) {
        return line(rev, includeBranches, includeDoc, includeParents, treeIndicators, false);
    }

    /** As the other {@code line}, with Alembic's {@code (current)} marker for a target's current head. */
    public static String line(RevisionInfo rev, boolean includeBranches, boolean includeDoc,
            boolean includeParents, boolean treeIndicators, boolean current) {
        StringBuilder text = new StringBuilder(rev.id());
        if (includeParents) {
            String parents = downRevisions(rev);
            text.insert(0, rev.dependsOn().isEmpty()
                    ? parents + " -> "
                    : parents + " (" + String.join(", ", rev.dependsOn()) + ") -> ");
        }
        if (includeBranches && !rev.branchLabels().isEmpty()) {
            text.append(" (").append(String.join(", ", rev.branchLabels())).append(')');
        }
        if (rev.head()) {
            text.append(" (head)");
        }
        if (current) {
            text.append(" (current)");
        }
        if (treeIndicators) {
            text.append(rev.branchPoint() ? " (branchpoint)" : "").append(rev.mergePoint() ? " (mergepoint)" : "");
        }
        if (includeDoc) {
            text.append(", ").append(rev.message());
        }
        return text.toString();
    }

    /** The multi-line entry of {@code show} and of {@code --verbose} listings. */
    public static String logEntry(RevisionInfo rev) {
        return logEntry(rev, false);
    }

    /** As the other {@code logEntry}, with Alembic's {@code (current)} marker. */
    public static String logEntry(RevisionInfo rev, boolean current) {
        StringBuilder entry = new StringBuilder("Rev: ").append(rev.id())
                .append(rev.head() ? " (head)" : "")
                .append(rev.branchPoint() ? " (branchpoint)" : "")
                .append(rev.mergePoint() ? " (mergepoint)" : "")
                .append(current ? " (current)" : "")
                .append('\n');
        entry.append(rev.mergePoint() ? "Merges: " : "Parent: ").append(downRevisions(rev)).append('\n');
        if (!rev.dependsOn().isEmpty()) {
            entry.append("Also depends on: ").append(String.join(", ", rev.dependsOn())).append('\n');
        }
        if (rev.branchPoint()) {
            entry.append("Branches into: ").append(String.join(", ", rev.nextRevisions())).append('\n');
        }
        if (!rev.branchLabels().isEmpty()) {
            entry.append("Branch names: ").append(String.join(", ", rev.branchLabels())).append('\n');
        }
        entry.append("Path: ").append(rev.path()).append("\n\n");
        for (String line : longDoc(rev)) {
            entry.append("    ").append(line).append('\n');
        }
        return entry.toString();
    }

    /** The message plus the revision block Alembic's script template writes into its docstring. */
    private static List<String> longDoc(RevisionInfo rev) {
        return List.of(
                rev.message(),
                "",
                "Revision ID: " + rev.id(),
                "Revises: " + (rev.downRevisions().isEmpty() ? "" : String.join(", ", rev.downRevisions())),
                "Create Date: " + rev.createDate());
    }

    private static String downRevisions(RevisionInfo rev) {
        return rev.downRevisions().isEmpty() ? "<base>" : String.join(", ", rev.downRevisions());
    }
}
