package dev.drover.orchestrator.graph;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The immutable revision graph of one lineage (Alembic's RevisionMap). Pure: no files, JDBC or
 * Vert.x. STUB: signatures fixed, implementation pending.
 */
public final class RevisionGraph {

    private RevisionGraph() {}

    /** @throws RevisionException on duplicate ids, missing parents or depends_on targets, cycles */
    public static RevisionGraph of(Collection<Revision> revisions) {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<Revision> find(String id) { throw new UnsupportedOperationException("pending"); }

    /** @throws RevisionException if no revision has exactly this id */
    public Revision get(String id) { throw new UnsupportedOperationException("pending"); }

    /** Every revision, bases first (topological order, ties broken by id). */
    public List<Revision> revisions() { throw new UnsupportedOperationException("pending"); }

    public List<String> heads() { throw new UnsupportedOperationException("pending"); }

    public List<String> bases() { throw new UnsupportedOperationException("pending"); }

    public List<String> children(String id) { throw new UnsupportedOperationException("pending"); }

    public boolean isBranchPoint(String id) { throw new UnsupportedOperationException("pending"); }

    public boolean isMergePoint(String id) { throw new UnsupportedOperationException("pending"); }

    /** Effective branch labels of a revision: declared ones plus those it inherits along its branch. */
    public List<String> branchLabels(String id) { throw new UnsupportedOperationException("pending"); }

    /** Resolves a specifier to revision ids; an empty list means base. */
    public List<String> resolve(String spec, Collection<String> current) { throw new UnsupportedOperationException("pending"); }

    /** Like {@link #resolve} but exactly one revision (or {@code null} for base). */
    public String resolveOne(String spec, Collection<String> current) { throw new UnsupportedOperationException("pending"); }

    public List<MigrationStep> planUpgrade(Collection<String> current, String destination) { throw new UnsupportedOperationException("pending"); }

    public List<MigrationStep> planDowngrade(Collection<String> current, String destination) { throw new UnsupportedOperationException("pending"); }

    public VersionDelta planStamp(Collection<String> current, Collection<String> destinations, boolean purge) { throw new UnsupportedOperationException("pending"); }

    /** Revisions in a range {@code a:b} (either side optional), newest first, as alembic history prints them. */
    public List<Revision> history(String range, Collection<String> current) { throw new UnsupportedOperationException("pending"); }
}
