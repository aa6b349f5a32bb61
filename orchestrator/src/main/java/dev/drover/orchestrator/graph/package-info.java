/**
 * The revision graph: Alembic's {@code RevisionMap} and the planning half of its migration
 * runtime, pure (no files, JDBC or Vert.x). {@link dev.drover.orchestrator.graph.RevisionGraph} is
 * the only entry point; the package-private classes map onto Alembic as follows:
 * <ul>
 *   <li>{@code GraphIndexBuilder}, {@code CycleFinder}, {@code BranchLabelPropagation}:
 *       {@code RevisionMap._revision_map}, {@code _detect_cycles}, {@code _add_branches};</li>
 *   <li>{@code SpecifierResolver}, {@code RelativeResolver}: {@code get_revisions},
 *       {@code _resolve_revision_number}, {@code _parse_upgrade_target},
 *       {@code _parse_downgrade_target}, {@code _walk};</li>
 *   <li>{@code TopologicalSort}: {@code _topological_sort} (ties by revision id, which is
 *       Alembic's file order with the default file template);</li>
 *   <li>{@code MigrationPlanner}, {@code HeadMaintainer}: {@code _collect_upgrade_revisions},
 *       {@code _collect_downgrade_revisions}, {@code RevisionStep} and
 *       {@code HeadMaintainer.update_to_step};</li>
 *   <li>{@code StampPlanner}: {@code ScriptDirectory._stamp_revs};
 *       {@code HistoryWalker}: {@code walk_revisions}.</li>
 * </ul>
 *
 * <p>Step order and the version rows after every step match Alembic 1.8.1 (see
 * {@code AlembicGoldenTest}). Where Drover deliberately differs: an upgrade to a revision older
 * than a current one is refused (Alembic does nothing); a relative {@code -N} from several heads
 * is refused (Alembic warns and picks one); {@code <label>@base} removes only the revisions
 * carrying the label (Alembic, with one shared base, removes every branch); a downgrade target
 * applied only as a dependency is "already there" (Alembic: "nothing to drop" error);
 * {@code <label>@head} as a downgrade target is resolved on its branch (Alembic ignores the label);
 * stamping over partial rows never drops an applied branch; and a history range cut across a
 * {@code depends_on} edge lists the revisions instead of failing. Which parent row a merge or an
 * unmerge updates (and which it deletes or inserts) follows declaration order, where Alembic's
 * depends on Python's set order.
 */
package dev.drover.orchestrator.graph;
