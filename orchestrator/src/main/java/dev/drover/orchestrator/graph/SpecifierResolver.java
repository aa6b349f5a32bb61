package dev.drover.orchestrator.graph;

import static dev.drover.orchestrator.graph.RevisionText.quote;

import java.util.Collection;
import java.util.List;

/**
 * Resolves revision specifiers to revision ids, after Alembic's {@code get_revisions},
 * {@code _resolve_revision_number} and {@code _revision_for_ident}:
 * <ul>
 *   <li>a full id, a branch label (the revision that declares it), or an unambiguous prefix of
 *       an id (any length);</li>
 *   <li>{@code head} (the single head, else an error), {@code heads} (every head, where a head
 *       another revision depends on does not count), {@code base} (empty);</li>
 *   <li>{@code <label>@head}, {@code <label>@heads}, {@code <label>@base},
 *       {@code <label>@<rev>}: restricted to the lineage of the label (its ancestors and
 *       descendants);</li>
 *   <li>relative {@code +N}, {@code -N}, {@code <rev>+N}, {@code <rev>-N}, {@code <label>@+N},
 *       {@code <label>@-N}: see {@link RelativeResolver}.</li>
 * </ul>
 */
final class SpecifierResolver {

    /**
     * A resolved destination: {@code ids} (empty for base) and the branch the specifier named
     * ({@code null} when none), which a downgrade uses to leave other branches alone.
     */
    record Target(List<String> ids, String branch) {}

    private final GraphIndex index;
    private final RelativeResolver relative;

    SpecifierResolver(GraphIndex index) {
        this.index = index;
        this.relative = new RelativeResolver(index, this);
    }

    List<String> resolve(String spec, Collection<String> current) {
        return target(spec, current).ids();
    }

    /** Resolves and remembers the branch named by the specifier, if any. */
    Target target(String spec, Collection<String> current) {
        return target(spec, current, false);
    }

    /** @param clamp let relative walks stop at a head or base instead of failing (history) */
    Target target(String spec, Collection<String> current, boolean clamp) {
        String trimmed = requireSpec(spec);
        // an exact id or label wins over the relative syntax ('release-2' may be a label)
        boolean exact = index.byId.containsKey(trimmed) || index.labelOwner(trimmed) != null;
        RelativeResolver.Relative rel = exact ? null : RelativeResolver.parse(trimmed);
        if (rel != null) {
            return relative.resolve(rel, current, clamp);
        }
        int at = trimmed.lastIndexOf('@');
        String branch = at < 0 ? null : trimmed.substring(0, at);
        return new Target(absolute(trimmed), branch);
    }

    /**
     * Whether {@code spec} counts from the current revisions: a relative {@code +N} / {@code -N} without a
     * revision ({@code <label>@+N} too). An exact id or label never does; an unparseable one answers
     * {@code false} and fails when resolved.
     */
    boolean countsFromCurrent(String spec) {
        if (spec == null || spec.isBlank()) {
            return false;
        }
        String trimmed = spec.trim();
        if (index.byId.containsKey(trimmed) || index.labelOwner(trimmed) != null) {
            return false;
        }
        try {
            RelativeResolver.Relative rel = RelativeResolver.parse(trimmed);
            return rel != null && rel.symbol() == null;
        } catch (RevisionException tooLarge) {
            return false;
        }
    }

    /** Exactly one revision, or {@code null} for base. */
    String single(String spec, Collection<String> current) {
        List<String> ids = resolve(spec, current);
        if (ids.size() > 1) {
            throw multipleHeads(spec, ids);
        }
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** A specifier without relative parts. */
    List<String> absolute(String spec) {
        int at = spec.indexOf('@');
        if (at >= 0) {
            return onBranch(spec.substring(0, at), spec.substring(at + 1), spec);
        }
        switch (spec) {
            case "heads":
                return index.realHeads;
            case "head":
                if (index.heads.size() > 1) {
                    throw multipleHeads(spec, index.heads);
                }
                return index.heads;
            case "base":
                return List.of();
            default:
                return List.of(revisionForIdent(spec, null));
        }
    }

    private List<String> onBranch(String label, String rest, String spec) {
        String branchRevision = branchRevision(label);
        switch (rest) {
            case "heads":
                return headsOf(branchRevision);
            case "head":
                List<String> heads = headsOf(branchRevision);
                if (heads.size() > 1) {
                    throw multipleHeads(spec, heads);
                }
                return heads;
            case "base":
                return List.of();
            default:
                return List.of(revisionForIdent(requireSpec(rest), label));
        }
    }

    private List<String> headsOf(String branchRevision) {
        return index.heads.stream()
                .filter(head -> index.sharesLineage(head, List.of(branchRevision), false))
                .toList();
    }

    /** Alembic's {@code _resolve_branch}: the revision declaring the label, or a revision id. */
    String branchRevision(String label) {
        String owner = index.labelOwner(label);
        if (owner != null) {
            return owner;
        }
        try {
            return revisionForIdent(label, null);
        } catch (RevisionException notFound) {
            throw new RevisionException("No such branch " + quote(label)
                    + "; list the branch labels with 'drover branches' or 'drover heads --verbose'");
        }
    }

    String revisionForIdent(String ident, String branch) {
        String branchRevision = branch == null ? null : branchRevision(branch);
        String id = index.labelOwner(ident);
        if (id == null && index.byId.containsKey(ident)) {
            id = ident;
        }
        if (id == null) {
            id = byPrefix(ident, branchRevision);
        }
        if (branchRevision != null && !index.sharesLineage(id, List.of(branchRevision), false)) {
            throw new RevisionException("Revision " + index.describe(id) + " is not a member of branch "
                    + quote(branch) + "; use a revision of that branch or " + quote(branch + "@head"));
        }
        return id;
    }

    private String byPrefix(String prefix, String branchRevision) {
        List<String> candidates = index.byId.keySet().stream()
                .filter(id -> id.startsWith(prefix))
                .filter(id -> branchRevision == null || index.sharesLineage(id, List.of(branchRevision), false))
                .toList();
        if (candidates.isEmpty()) {
            throw new RevisionException("No such revision or branch " + quote(prefix)
                    + "; check the id with 'drover history' or 'drover heads'");
        }
        if (candidates.size() > 1) {
            throw new RevisionException("Revision prefix " + quote(prefix) + " is ambiguous, it matches "
                    + index.describeAll(candidates) + "; use more characters of the id");
        }
        return candidates.get(0);
    }

    RevisionException multipleHeads(String argument, Collection<String> heads) {
        return new RevisionException("Multiple heads are present for given argument " + quote(argument)
                + ": " + index.describeAll(heads) + "; " + RevisionText.MULTIPLE_HEADS_FIX);
    }

    private static String requireSpec(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new RevisionException("Empty revision specifier; give a revision id, 'head', 'heads',"
                    + " 'base', '<branch>@head' or a relative '+N' / '-N'");
        }
        return spec.trim();
    }
}
