package dev.drover.api;

import dev.drover.env.Lineage;
import dev.drover.orchestrator.command.BranchPointView;
import dev.drover.orchestrator.command.GeneratedRevision;
import dev.drover.orchestrator.command.RevisionRequest;
import dev.drover.orchestrator.command.RevisionView;
import dev.drover.orchestrator.command.ScriptCommands;
import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.orchestrator.script.ScriptFileException;
import dev.drover.orchestrator.script.ScriptParseException;
import dev.drover.registry.RegistryException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The script directory of the selected sections: Alembic's {@code heads}, {@code branches}, {@code history},
 * {@code show}, {@code revision} and {@code merge} (the command line's commands of the same names) as method
 * calls. Get one from {@link Drover#scripts(String...)}. These calls read (and {@code revision} and {@code merge}
 * write) only script files and need no database, except {@link #history(String, Selection)}.
 *
 * <p>Sections that share their version locations share one revision graph, a <em>lineage</em>. Every method
 * except {@link #sections()}, {@link #versionLocations()} and {@link #lineages()} works on exactly one lineage:
 * when the selection spans several, it throws a {@link DroverException}; choose one section with
 * {@code drover.scripts("SECTION")} or call the method on each of {@link #lineages()}.
 *
 * <p>Immutable and thread-safe; every call reads the script files afresh, so it sees revisions written since
 * (two {@code revision} calls at the same moment may both build on the same head, as two command-line processes
 * would; {@code heads} then shows both).
 * Warnings about the script directory (e.g. a file that is not a revision) go to the {@link FleetListener#warning
 * listener} of the {@link Drover}. {@code drover edit}, {@code init} and {@code list-templates} have no Java
 * form: they open an editor or scaffold a directory.
 */
public final class Scripts {

    private final Drover drover;
    private final List<Lineage> lineages;
    private final Consumer<String> warnings;
    private final Clock clock;
    private final RandomGenerator random;

    Scripts(Drover drover, List<Lineage> lineages, Consumer<String> warnings, Clock clock, RandomGenerator random) {
        this.drover = drover;
        this.lineages = List.copyOf(lineages);
        this.warnings = warnings;
        this.clock = clock;
        this.random = random;
    }

    /** The selected sections, in rollout order. */
    public List<String> sections() {
        return lineages.stream().flatMap(l -> l.sectionNames().stream()).toList();
    }

    /** The version locations of the selected sections (absolute, normalised; of every lineage, in order). */
    public List<Path> versionLocations() {
        return lineages.stream().flatMap(l -> l.versionLocations().stream()).distinct().toList();
    }

    /** One {@code Scripts} per lineage of the selection (sections sharing version locations), in rollout order. */
    public List<Scripts> lineages() {
        return lineages.stream().map(l -> new Scripts(drover, List.of(l), warnings, clock, random)).toList();
    }

    /** A copy whose new revisions take their {@code create_date} from {@code source} (default: the system clock). */
    public Scripts withClock(Clock source) {
        return new Scripts(drover, lineages, warnings, Objects.requireNonNull(source, "clock"), random);
    }

    /**
     * A copy whose random revision ids come from {@code source} (default: a {@link java.security.SecureRandom}).
     * Give a thread-safe generator if the copy is shared between threads.
     */
    public Scripts withIdGenerator(RandomGenerator source) {
        return new Scripts(drover, lineages, warnings, clock, Objects.requireNonNull(source, "idGenerator"));
    }

    /**
     * The heads of the graph, in id order ({@code drover heads}). With {@code resolveDependencies}, a revision
     * another revision depends on ({@code depends_on}) is not a head ({@code --resolve-dependencies}).
     *
     * @throws DroverException when the selection spans several lineages, or a script or the graph is broken
     */
    public List<RevisionInfo> heads(boolean resolveDependencies) {
        return call(commands -> commands.heads(resolveDependencies).stream().map(v -> info(v, false)).toList());
    }

    /**
     * Every branch point, newest first, with the revisions it branches into ({@code drover branches}).
     *
     * @throws DroverException as {@link #heads}
     */
    public List<BranchPoint> branches() {
        return call(commands -> commands.branches().stream().map(Scripts::branchPoint).toList());
    }

    /**
     * The revisions in {@code range}, newest first ({@code drover history -r RANGE}). A range is {@code start:end}
     * (both ends included)
     * where either side may be left out or be a revision id, unambiguous prefix, {@code base}, {@code head},
     * {@code heads} or {@code <label>@head}; {@code null} or blank means every revision.
     *
     * @throws DroverException as {@link #heads}; when a side of the range names no revision, a prefix fits several
     *                         revisions, or a side is {@code current} (which needs a target: use
     *                         {@link #history(String, Selection)})
     */
    public List<RevisionInfo> history(String range) {
        if (range != null && List.of(range.split(":", -1)).contains("current")) {
            throw new DroverException("The range '" + range + "' names 'current', the revision of a target; call"
                    + " history(range, Selection) with a selection of one target (on the command line: --name"
                    + " SECTION --tenant TENANT)", null);
        }
        return call(commands -> commands.history(range).stream().map(v -> info(v, false)).toList());
    }

    /**
     * As {@link #history(String)}, first reading the current revision(s) of the one target {@code target} selects
     * ({@code drover history -i}): {@code current} in the range stands for them, and {@link RevisionInfo#current()}
     * marks them. Reads the target's version table (through the {@link DroverBuilder#host host}, if any), changes
     * nothing.
     *
     * @throws DroverException as {@link #history(String)} (but {@code current} is allowed); when {@code target}
     *                         selects no target or more than one (narrow it with {@link Selection#sections} and
     *                         {@link Selection#tenants}), or the target cannot be read (the cause is an
     *                         {@link IllegalStateException} with the target's error)
     */
    public List<RevisionInfo> history(String range, Selection target) {
        List<String> current = currentHeads(Objects.requireNonNull(target, "target"));
        return call(commands -> commands.history(range, current).stream()
                .map(v -> info(v, current.contains(v.id()))).toList());
    }

    /**
     * The revision(s) {@code revision} names ({@code drover show REV}): an id or unambiguous prefix, {@code head},
     * {@code heads} (possibly several) or {@code <label>@head}.
     *
     * @throws DroverException as {@link #heads}; when {@code revision} names no revision, is {@code base}, or is a
     *                         prefix of several revision ids (the message lists them)
     */
    public List<RevisionInfo> show(String revision) {
        Objects.requireNonNull(revision, "revision");
        return call(commands -> commands.show(revision).stream().map(v -> info(v, false)).toList());
    }

    /**
     * Writes a new, empty revision script ({@code drover revision -m MSG}) in the lineage's file-name template.
     *
     * @throws DroverException as {@link #heads}, writing nothing; when there are several heads and
     *                         {@link RevisionOptions#head} was not given, the head does not resolve or is ambiguous, is
     *                         not a head revision without {@link RevisionOptions#splice}, the id or a branch label is
     *                         taken, a {@code depends_on} does not resolve, the version path is not one of the
     *                         version locations (or there are several and none can be inferred), or the file cannot
     *                         be written
     */
    public NewRevision revision(RevisionOptions options) {
        Objects.requireNonNull(options, "options");
        Lineage lineage = lineage();
        return call(commands -> created(commands.revision(new RevisionRequest(options.messageText(),
                List.of(options.headRevision()), options.isSplice(), options.branchLabels(), options.versionPathOrNull(),
                options.revIdOrNull(), options.dependsOn(), lineage.fileTemplate(), lineage.truncateSlugLength()))));
    }

    /** As {@link #merge(List, String, List, String)} with no branch label and a random id. */
    public NewRevision merge(List<String> revisions, String message) {
        return merge(revisions, message, List.of(), null);
    }

    /**
     * Writes a merge revision whose parents are every revision {@code revisions} name, typically
     * {@code List.of("heads")} ({@code drover merge REV... -m MSG}).
     *
     * @param branchLabels labels for the merge revision (may be empty)
     * @param revId        a fixed id, or {@code null} for a random one
     * @throws DroverException as {@link #revision}; when the revisions resolve to fewer than two distinct revisions
     *                         or one is named twice
     */
    public NewRevision merge(List<String> revisions, String message, List<String> branchLabels, String revId) {
        List<String> specs = List.copyOf(revisions);
        List<String> labels = List.copyOf(branchLabels);
        Lineage lineage = lineage();
        return call(commands -> created(commands.merge(specs, message, labels, revId, lineage.fileTemplate(),
                lineage.truncateSlugLength())));
    }

    private List<String> currentHeads(Selection target) {
        List<TargetState> states = drover.status(target).targets();
        if (states.size() != 1) {
            throw new DroverException("'current' (and -i) needs exactly one target, but " + states.size()
                    + " are selected; narrow the selection with --name SECTION and --tenant TENANT (in Java: "
                    + "Selection.all().sections(\"SECTION\").tenants(\"TENANT\"))", null);
        }
        TargetState state = states.get(0);
        if (state.error() != null) {
            String message = "Cannot read the current revision of '" + state.target() + "': " + state.error();
            throw new DroverException(message, new IllegalStateException(message));
        }
        return state.heads();
    }

    /** The one lineage, its script directory loaded and its warnings told; Drover's exceptions wrapped. */
    private <T> T call(Function<ScriptCommands, T> body) {
        try {
            ScriptDirectory directory = lineage().scriptDirectory();
            directory.warnings().forEach(warnings);
            return body.apply(new ScriptCommands(directory, clock, random));
        } catch (RevisionException | ScriptParseException | ScriptFileException | RegistryException
                | UncheckedIOException e) {
            throw new DroverException(e.getMessage(), e);
        }
    }

    private Lineage lineage() {
        if (lineages.size() != 1) {
            String listed = lineages.stream()
                    .map(l -> String.join(", ", l.sectionNames()) + " -> " + l.versionLocations())
                    .collect(Collectors.joining("; "));
            throw new DroverException("The selected sections use " + lineages.size()
                    + " different version locations (" + listed + "); choose one with --name SECTION (in Java:"
                    + " drover.scripts(\"SECTION\"), or call the method on each of scripts.lineages())", null);
        }
        return lineages.get(0);
    }

    private static RevisionInfo info(RevisionView v, boolean current) {
        return new RevisionInfo(v.id(), v.downRevisions(), v.dependsOn(), v.branchLabels(), v.nextRevisions(), v.head(),
                v.branchPoint(), v.mergePoint(), v.message(), v.createDate(), v.path(), current);
    }

    private static BranchPoint branchPoint(BranchPointView point) {
        return new BranchPoint(info(point.branchPoint(), false),
                point.branches().stream().map(v -> info(v, false)).toList());
    }

    private static NewRevision created(GeneratedRevision generated) {
        return new NewRevision(generated.id(), generated.path());
    }

    @Override
    public String toString() {
        return "Scripts[sections=" + sections() + ", versionLocations=" + versionLocations() + "]";
    }
}
