package dev.drover.orchestrator.graph;

import static dev.drover.orchestrator.graph.RevisionText.describe;
import static dev.drover.orchestrator.graph.RevisionText.quote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Validates a collection of revisions and builds its {@link GraphIndex}, following Alembic's
 * {@code RevisionMap._revision_map}: ids and labels are indexed, {@code depends_on} entries are
 * resolved (ids, partial ids or branch labels), parents are linked, cycles are refused,
 * dependencies already implied by an ancestor are normalised away and branch labels propagate.
 */
final class GraphIndexBuilder {

    private static final String RESERVED_CHARS = "@-+:";
    private static final Set<String> KEYWORDS = Set.of("head", "heads", "base", "current");

    private final Map<String, Revision> byId = new TreeMap<>();
    private final Map<String, String> labelOwners = new TreeMap<>();
    private final Map<String, List<String>> resolvedDeps = new HashMap<>();

    private GraphIndexBuilder() {}

    /** @throws RevisionException on the first problem found, naming the revisions and their files */
    static GraphIndex build(Collection<Revision> revisions) {
        GraphIndexBuilder builder = new GraphIndexBuilder();
        revisions.forEach(builder::index);
        builder.byId.values().forEach(builder::indexLabels);
        builder.byId.values().forEach(builder::checkParents);
        builder.byId.values().forEach(builder::resolveDependencies);
        CycleFinder.check(builder.byId, builder.resolvedDeps);
        return builder.finish();
    }

    private void index(Revision revision) {
        Revision previous = byId.putIfAbsent(revision.id(), revision);
        if (previous != null) {
            throw new RevisionException("Revision " + quote(revision.id()) + " is declared twice, in "
                    + source(previous) + " and in " + source(revision)
                    + "; give one of them a new revision id or delete the copy");
        }
        checkName("Revision id", revision.id(), RESERVED_CHARS, revision);
    }

    private void indexLabels(Revision revision) {
        for (String label : revision.branchLabels()) {
            checkName("Branch label", label, "@:", revision);
            if (byId.containsKey(label)) {
                throw new RevisionException("Branch label " + quote(label) + " of " + describe(revision)
                        + " is also the id of revision " + describe(byId.get(label))
                        + "; rename the branch label");
            }
            String owner = labelOwners.putIfAbsent(label, revision.id());
            if (owner != null) {
                throw new RevisionException("Branch label " + quote(label) + " of " + describe(revision)
                        + " is already used by revision " + describe(byId.get(owner))
                        + "; a label names one branch, so rename one of them");
            }
        }
    }

    private void checkName(String what, String name, String reserved, Revision revision) {
        for (char c : name.toCharArray()) {
            if (reserved.indexOf(c) >= 0) {
                throw new RevisionException(what + " " + quote(name) + " in " + source(revision)
                        + " contains " + quote(String.valueOf(c))
                        + ", which revision specifiers reserve; use only letters, digits and '_'");
            }
        }
        if (name.isEmpty() || KEYWORDS.contains(name)) {
            throw new RevisionException(what + " " + quote(name) + " in " + source(revision)
                    + " is empty or a reserved word (head, heads, base, current); choose another name");
        }
    }

    private void checkParents(Revision revision) {
        for (String down : revision.downRevisions()) {
            if (!byId.containsKey(down)) {
                throw new RevisionException("Revision " + describe(revision) + " names down_revision "
                        + quote(down) + ", which is not in the script directory"
                        + "; fix its down_revision header or restore the missing script");
            }
        }
    }

    private void resolveDependencies(Revision revision) {
        Set<String> ids = new LinkedHashSet<>();
        for (String dependency : revision.dependsOn()) {
            ids.add(resolveDependency(revision, dependency));
        }
        resolvedDeps.put(revision.id(), List.copyOf(ids));
    }

    private String resolveDependency(Revision revision, String dependency) {
        if (byId.containsKey(dependency)) {
            return dependency;
        }
        if (labelOwners.containsKey(dependency)) {
            return labelOwners.get(dependency);
        }
        List<String> candidates = byId.keySet().stream().filter(id -> id.startsWith(dependency)).toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new RevisionException("Revision " + describe(revision) + " depends_on "
                    + quote(dependency) + ", which is neither a revision nor a branch label"
                    + "; fix its depends_on header or restore the missing script");
        }
        throw new RevisionException("Revision " + describe(revision) + " depends_on "
                + quote(dependency) + ", which is ambiguous: it starts "
                + RevisionText.describeAll(candidates, byId) + "; use more characters of the id");
    }

    private GraphIndex finish() {
        Map<String, SortedSet<String>> nextrev = new HashMap<>();
        Map<String, SortedSet<String>> allNextrev = new HashMap<>();
        byId.keySet().forEach(id -> {
            nextrev.put(id, new TreeSet<>());
            allNextrev.put(id, new TreeSet<>());
        });
        for (Revision revision : byId.values()) {
            revision.downRevisions().forEach(down -> nextrev.get(down).add(revision.id()));
            revision.downRevisions().forEach(down -> allNextrev.get(down).add(revision.id()));
            resolvedDeps.get(revision.id()).forEach(dep -> allNextrev.get(dep).add(revision.id()));
        }
        Map<String, List<String>> normalizedDeps = new HashMap<>();
        Map<String, List<String>> normalizedDowns = new HashMap<>();
        GraphIndex versionedOnly = new GraphIndex(byId, labelOwners, resolvedDeps, Map.of(), Map.of(), nextrev,
                allNextrev, Map.of(), List.of(), List.of(), List.of());
        for (Revision revision : byId.values()) {
            List<String> deps = normalizeDependencies(revision, versionedOnly);
            normalizedDeps.put(revision.id(), deps);
            Set<String> downs = new LinkedHashSet<>(revision.downRevisions());
            downs.addAll(deps);
            normalizedDowns.put(revision.id(), List.copyOf(downs));
        }
        List<String> heads = byId.keySet().stream().filter(id -> nextrev.get(id).isEmpty()).toList();
        List<String> realHeads = byId.keySet().stream().filter(id -> allNextrev.get(id).isEmpty()).toList();
        List<String> bases = byId.values().stream().filter(Revision::isBase).map(Revision::id).toList();
        Map<String, SortedSet<String>> labels =
                BranchLabelPropagation.propagate(byId, nextrev, allNextrev, versionedOnly);
        return new GraphIndex(byId, labelOwners, resolvedDeps, normalizedDowns, normalizedDeps, nextrev, allNextrev,
                labels, heads, realHeads, bases);
    }

    /** Alembic's {@code _normalize_depends_on}: drop dependencies an ancestor already declares. */
    private List<String> normalizeDependencies(Revision revision, GraphIndex versionedOnly) {
        List<String> own = resolvedDeps.get(revision.id());
        if (own.isEmpty()) {
            return own;
        }
        Set<String> implied = new LinkedHashSet<>();
        for (String ancestor : versionedOnly.ancestors(List.of(revision.id()), false)) {
            if (!ancestor.equals(revision.id())) {
                implied.addAll(resolvedDeps.get(ancestor));
            }
        }
        List<String> kept = new ArrayList<>(own);
        kept.removeAll(implied);
        return List.copyOf(kept);
    }

    private static String source(Revision revision) {
        return revision.source() == null ? "(unknown file)" : quote(revision.source());
    }
}
