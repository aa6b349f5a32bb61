package dev.drover.orchestrator.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The immutable revision graph of one lineage (Alembic's RevisionMap). Pure: no files, JDBC or
 * Vert.x. Every list it returns is deterministic: sorted by id unless stated otherwise.
 *
 * <p>Vocabulary, as in Alembic: a <em>head</em> has no child along {@code down_revision}; a
 * <em>base</em> has no {@code down_revision}; {@code depends_on} edges order revisions across
 * branches without making a revision a child. The <em>current</em> revisions of a target are the
 * rows of its version table (one per current head).
 */
public final class RevisionGraph {

    private static final int PLANS_REMEMBERED = 1_000;

    private final GraphIndex index;
    private final SpecifierResolver resolver;
    private final MigrationPlanner planner;
    private final List<Revision> ordered;
    private final Map<UpgradeQuestion, List<MigrationStep>> upgrades = new ConcurrentHashMap<>();

    private RevisionGraph(GraphIndex index) {
        this.index = index;
        this.resolver = new SpecifierResolver(index);
        this.planner = new MigrationPlanner(index, resolver);
        this.ordered = new TopologicalSort(index)
                .basesFirst(index.byId.keySet(), index.realHeads).stream().map(index::revision).toList();
    }

    /**
     * Validates and indexes revisions. {@code depends_on} entries may be revision ids, unambiguous
     * id prefixes or branch labels (a label means the revision that declares it).
     *
     * @throws RevisionException on a duplicate id, a missing {@code down_revision} parent or
     *     {@code depends_on} target, a cycle, a branch label used twice or equal to a revision id,
     *     or an id or label using a character specifiers reserve; the message names the
     *     revisions, their files and the fix
     */
    public static RevisionGraph of(Collection<Revision> revisions) {
        return new RevisionGraph(GraphIndexBuilder.build(revisions));
    }

    /** The revision with exactly this id (no prefix or label matching). */
    public Optional<Revision> find(String id) {
        return Optional.ofNullable(index.byId.get(id));
    }

    /** @throws RevisionException if no revision has exactly this id */
    public Revision get(String id) {
        return find(id).orElseThrow(() -> new RevisionException("No revision " + RevisionText.quote(id)
                + " in the script directory; check the id with 'drover history'"));
    }

    /**
     * Every revision, bases first: the exact order {@code upgrade heads} applies them from an
     * empty target (topological; branches are completed one at a time, ties broken by id).
     */
    public List<Revision> revisions() {
        return ordered;
    }

    /** Revisions without children along {@code down_revision} (Alembic's {@code heads}), by id. */
    public List<String> heads() {
        return index.heads;
    }

    /** Revisions without {@code down_revision}, by id. */
    public List<String> bases() {
        return index.bases;
    }

    /** Revisions naming {@code id} as {@code down_revision}, by id. @throws RevisionException if unknown */
    public List<String> children(String id) {
        return List.copyOf(index.nextrev.get(get(id).id()));
    }

    /**
     * The revision's {@code depends_on} entries resolved to revision ids (labels and partial ids
     * replaced), in declaration order. @throws RevisionException if unknown
     */
    public List<String> dependencies(String id) {
        return index.resolvedDeps.get(get(id).id());
    }

    /** More than one child along {@code down_revision}. @throws RevisionException if unknown */
    public boolean isBranchPoint(String id) {
        return children(id).size() > 1;
    }

    /** More than one {@code down_revision}. @throws RevisionException if unknown */
    public boolean isMergePoint(String id) {
        return get(id).isMergePoint();
    }

    /**
     * Effective branch labels of a revision, sorted: declared ones plus those it inherits along its
     * branch, as Alembic propagates them: a label covers the declaring revision, all its
     * descendants (a merge point carries the labels of every merged branch) and its ancestors down
     * to, not including, the nearest branch point or merge point. @throws RevisionException if unknown
     */
    public List<String> branchLabels(String id) {
        return List.copyOf(index.effectiveLabels.get(get(id).id()));
    }

    /**
     * Resolves a specifier to revision ids; an empty list means base. Supported: full ids,
     * unambiguous id prefixes, branch labels (the revision declaring the label), {@code head},
     * {@code heads}, {@code base}, {@code <label>@head|heads|base|<rev>}, and relative
     * {@code +N}, {@code -N}, {@code <rev>+N}, {@code <rev>-N}, {@code <label>@+N},
     * {@code <label>@-N}; relative specifiers without a revision count from {@code current}.
     *
     * @param current the target's current revisions (version rows); may be empty
     * @throws RevisionException for an unknown or ambiguous specifier, several heads where
     *     {@code head} asks for one, an ambiguous or too long relative walk
     */
    public List<String> resolve(String spec, Collection<String> current) {
        return resolver.resolve(spec, current);
    }

    /**
     * Whether {@code spec} is resolved from a target's current revisions ({@code +N}, {@code -N},
     * {@code <label>@+N}, {@code <label>@-N}), so that it can only be checked per target; every other
     * specifier resolves the same for every target ({@link #resolve} with no current revisions).
     */
    public boolean countsFromCurrent(String spec) {
        return resolver.countsFromCurrent(spec);
    }

    /**
     * Like {@link #resolve} but exactly one revision, or {@code null} for base.
     *
     * @throws RevisionException as {@link #resolve}, and when several revisions match
     *     ("Multiple heads are present ...")
     */
    public String resolveOne(String spec, Collection<String> current) {
        return resolver.single(spec, current);
    }

    /**
     * The steps that bring a target from {@code current} to {@code destination}, in Alembic's
     * order, each with the version-table change to apply after it. Revisions the destination
     * needs through {@code depends_on} are included. Empty when nothing is missing.
     *
     * @throws RevisionException for an unresolvable destination, a current revision the graph
     *     does not know, overlapping current rows (one an ancestor of another), or a destination
     *     older than a current revision (use downgrade)
     */
    public List<MigrationStep> planUpgrade(Collection<String> current, String destination) {
        // A fleet asks the same question for thousands of targets at the same heads: answer it once.
        // Plans are immutable and the graph never changes; failures are not remembered (they throw).
        UpgradeQuestion question = new UpgradeQuestion(List.copyOf(current), destination);
        List<MigrationStep> known = upgrades.get(question);
        if (known != null) {
            return known;
        }
        List<MigrationStep> plan = List.copyOf(planner.upgrade(current, destination));
        if (upgrades.size() < PLANS_REMEMBERED) {
            upgrades.put(question, plan);
        }
        return plan;
    }

    private record UpgradeQuestion(List<String> current, String destination) {}

    /**
     * The steps that bring a target from {@code current} down to {@code destination}, heads first;
     * other branches are left alone, dependents of removed revisions are removed too. Empty when
     * the target is already at the destination. {@code <label>@base} removes only the revisions
     * of that branch.
     *
     * @throws RevisionException for an unresolvable or ambiguous destination, one that is not
     *     applied on the target (newer: use upgrade), an unknown current revision or
     *     overlapping current rows
     */
    public List<MigrationStep> planDowngrade(Collection<String> current, String destination) {
        return planner.downgrade(current, destination);
    }

    /**
     * The one version-table change {@code stamp} makes, as Alembic's stamp leaves the table: a
     * destination already present changes nothing; one related to current rows (ancestor or
     * descendant, dependencies included) replaces them; an unrelated one is added; {@code base}
     * removes every row, {@code <label>@base} the rows of that branch. Rows are deleted and
     * inserted, never updated.
     *
     * @param destinations specifiers; {@code base} removes rows
     * @param purge        delete every current row first, known to the graph or not
     * @throws RevisionException for an unresolvable destination or (without purge) an unknown
     *     current revision
     */
    public VersionDelta planStamp(Collection<String> current, Collection<String> destinations, boolean purge) {
        return new StampPlanner(index, resolver, planner).stamp(current, destinations, purge);
    }

    /**
     * Revisions in a range {@code a:b} (either side optional, {@code current} allowed), newest
     * first, as {@code alembic history} prints them; {@code null} or blank means everything.
     *
     * @throws RevisionException for a malformed range, an unresolvable side, or a start that is
     *     not an ancestor of the end
     */
    public List<Revision> history(String range, Collection<String> current) {
        return new HistoryWalker(index, resolver, planner).history(range, current);
    }
}
