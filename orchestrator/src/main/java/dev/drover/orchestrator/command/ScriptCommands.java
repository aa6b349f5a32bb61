package dev.drover.orchestrator.command;

import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.graph.RevisionGraph;
import dev.drover.orchestrator.script.MigrationScript;
import dev.drover.orchestrator.script.NewRevision;
import dev.drover.orchestrator.script.RevisionFileWriter;
import dev.drover.orchestrator.script.RevisionIds;
import dev.drover.orchestrator.script.ScriptDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The commands that work on migration scripts alone (Alembic's {@code revision}, {@code merge},
 * {@code heads}, {@code branches}, {@code history}, {@code show}): one method per command, each
 * returning a typed result for the CLI to render. Needs no database.
 */
public final class ScriptCommands {

    private static final Pattern REV_ID = Pattern.compile("[A-Za-z0-9_]+");

    private final ScriptDirectory scripts;
    private final Clock clock;
    private final RandomGenerator random;

    /**
     * @param scripts the lineage's script directory
     * @param clock   source of {@code create_date} (injected so tests are deterministic)
     * @param random  source of new revision ids
     */
    public ScriptCommands(ScriptDirectory scripts, Clock clock, RandomGenerator random) {
        this.scripts = scripts;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Writes a new, empty revision script on top of {@code request.heads()}.
     *
     * @throws RevisionException if the heads cannot be resolved (several heads and none chosen,
     *     unknown or ambiguous ids), a head is not a head and {@code splice} is off, the id or a
     *     branch label is already taken, or the version path is not one of the version locations
     */
    public GeneratedRevision revision(RevisionRequest request) {
        RevisionGraph graph = scripts.graph();
        String id = newRevisionId(graph, request.revId());
        List<String> parents = resolveParents(graph, request.heads());
        if (!request.splice()) {
            requireHeads(graph, parents);
        }
        checkLabelsFree(graph, request.branchLabels());
        List<String> dependsOn = resolveDependencies(graph, request.dependsOn());
        Path versionDir = versionPath(request.versionPath(), parents);
        NewRevision revision = new NewRevision(id, parents, request.branchLabels(), dependsOn,
                request.message(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), true);
        Path path = new RevisionFileWriter().write(versionDir, revision, request.fileTemplate(), request.truncateSlugLength());
        return new GeneratedRevision(id, path);
    }

    /**
     * Writes a merge revision whose parents are all revisions the specifiers resolve to
     * (typically {@code heads}).
     *
     * @throws RevisionException if fewer than two distinct revisions result, or as {@link #revision}
     */
    public GeneratedRevision merge(List<String> revisions, String message, List<String> branchLabels,
            String revId, String fileTemplate, int truncateSlugLength) {
        List<String> parents = resolveParents(scripts.graph(), revisions);
        if (parents.size() < 2) {
            throw new RevisionException("Nothing to merge: " + quoted(revisions) + " resolve to "
                    + (parents.isEmpty() ? "no revision" : "only '" + parents.get(0) + "'")
                    + "; name two or more revisions, e.g. 'drover merge heads -m \"merge\"'");
        }
        return revision(new RevisionRequest(message, parents, true, branchLabels, null, revId, List.of(),
                fileTemplate, truncateSlugLength));
    }

    /**
     * The heads of the graph, in id order. With {@code resolveDependencies}, a revision that
     * another head depends on is not shown as a head (Alembic's {@code --resolve-dependencies}).
     */
    public List<RevisionView> heads(boolean resolveDependencies) {
        RevisionGraph graph = scripts.graph();
        List<String> heads = new ArrayList<>(graph.heads());
        if (resolveDependencies) {
            for (Revision revision : graph.revisions()) {
                revision.dependsOn().forEach(dep -> heads.removeAll(graph.resolve(dep, List.of())));
            }
        }
        return heads.stream().map(this::view).toList();
    }

    /** Every branch point (newest first) with the revisions it branches into. */
    public List<BranchPointView> branches() {
        RevisionGraph graph = scripts.graph();
        List<Revision> all = new ArrayList<>(graph.revisions());
        java.util.Collections.reverse(all);
        return all.stream()
                .filter(r -> graph.isBranchPoint(r.id()))
                .map(r -> new BranchPointView(view(r.id()), graph.children(r.id()).stream().map(this::view).toList()))
                .toList();
    }

    /**
     * Revisions in {@code range} ({@code a:b}, either side optional; {@code null} for all), newest first.
     *
     * @throws RevisionException if a side of the range does not resolve
     */
    public List<RevisionView> history(String range) {
        return history(range, List.of());
    }

    /**
     * As {@link #history(String)}, with a target's current heads for {@code current} in the range
     * (Alembic's {@code history -r current:}).
     *
     * @throws RevisionException if a side of the range does not resolve
     */
    public List<RevisionView> history(String range, List<String> current) {
        return scripts.graph().history(range == null || range.isBlank() ? ":" : range, current).stream()
                .map(r -> view(r.id()))
                .toList();
    }

    /**
     * The revisions a specifier names ({@code heads} may name several).
     *
     * @throws RevisionException if the specifier does not resolve or names base
     */
    public List<RevisionView> show(String spec) {
        List<String> ids = scripts.graph().resolve(spec, List.of());
        if (ids.isEmpty()) {
            throw new RevisionException("'" + spec + "' names no revision (it is base); name a revision id, 'head' or '<label>@head'");
        }
        return ids.stream().map(this::view).toList();
    }

    /** The script file of exactly one revision, for {@code drover edit}. */
    public Path scriptPath(String spec) {
        String id = scripts.graph().resolveOne(spec, List.of());
        if (id == null) {
            throw new RevisionException("'" + spec + "' names no revision (it is base); name a revision to edit");
        }
        return scripts.script(id).path();
    }

    private RevisionView view(String id) {
        RevisionGraph graph = scripts.graph();
        Revision revision = graph.get(id);
        Optional<MigrationScript> script = scripts.find(id);
        return new RevisionView(id, revision.downRevisions(), revision.dependsOn(), graph.branchLabels(id),
                graph.children(id), graph.heads().contains(id), graph.isBranchPoint(id), graph.isMergePoint(id),
                revision.message(), script.map(MigrationScript::createDate).orElse(""),
                script.map(MigrationScript::path).orElse(null));
    }

    private String newRevisionId(RevisionGraph graph, String requested) {
        String id = requested == null ? RevisionIds.newId(random) : requested;
        if (!REV_ID.matcher(id).matches()) {
            throw new RevisionException("Revision id '" + id + "' may contain only letters, digits and '_'; choose another --rev-id");
        }
        graph.find(id).ifPresent(existing -> {
            throw new RevisionException("Revision id '" + id + "' is already used by " + existing.source()
                    + "; choose another --rev-id or leave it out for a random one");
        });
        return id;
    }

    private List<String> resolveParents(RevisionGraph graph, List<String> specs) {
        if (specs.equals(List.of("head")) && graph.heads().size() > 1) {
            throw new RevisionException("Multiple heads are present (" + quoted(graph.heads())
                    + "); specify the head to build on with --head '<rev>' or '<label>@head', or merge them"
                    + " first with 'drover merge heads -m \"merge\"'");
        }
        LinkedHashSet<String> parents = new LinkedHashSet<>();
        for (String spec : specs) {
            for (String id : graph.resolve(spec, List.of())) {
                if (!parents.add(id)) {
                    throw new RevisionException("Revision '" + id + "' is named twice as a head; name each head once");
                }
            }
        }
        return List.copyOf(parents);
    }

    private static void requireHeads(RevisionGraph graph, List<String> parents) {
        for (String parent : parents) {
            if (!graph.children(parent).isEmpty()) {
                throw new RevisionException("Revision '" + parent + "' is not a head revision; use --splice"
                        + " to create a new branch from it, or build on 'head'");
            }
        }
    }

    private static void checkLabelsFree(RevisionGraph graph, List<String> labels) {
        for (String label : labels) {
            for (Revision revision : graph.revisions()) {
                if (revision.branchLabels().contains(label) || revision.id().equals(label)) {
                    throw new RevisionException("Branch label '" + label + "' is already used by revision '"
                            + revision.id() + "' (" + revision.source() + "); choose another --branch-label");
                }
            }
        }
    }

    /** Keeps branch labels as written (as Alembic does) and expands partial ids to full ones. */
    private static List<String> resolveDependencies(RevisionGraph graph, List<String> specs) {
        List<String> resolved = new ArrayList<>();
        for (String spec : specs) {
            boolean isLabel = graph.revisions().stream().anyMatch(r -> r.branchLabels().contains(spec));
            if (isLabel) {
                resolved.add(spec);
            } else {
                String id = graph.resolveOne(spec, List.of());
                if (id == null) {
                    throw new RevisionException("--depends-on '" + spec + "' names base; name a revision or a branch label");
                }
                resolved.add(id);
            }
        }
        return resolved;
    }

    private Path versionPath(Path requested, List<String> parents) {
        List<Path> locations = scripts.versionLocations().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (requested != null) {
            Path normalized = requested.toAbsolutePath().normalize();
            if (!locations.contains(normalized)) {
                throw new RevisionException("Path '" + requested + "' is not one of the version locations "
                        + locations + "; pick one of them or add it to version_locations");
            }
            return normalized;
        }
        if (locations.size() == 1) {
            return locations.get(0);
        }
        for (String parent : parents) {
            Optional<MigrationScript> script = scripts.find(parent);
            if (script.isPresent()) {
                return script.get().path().toAbsolutePath().getParent();
            }
        }
        throw new RevisionException("Multiple version locations present " + locations
                + "; specify where the new revision goes with --version-path");
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").reduce((a, b) -> a + ", " + b).orElse("");
    }
}
