package dev.drover.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Scripts#revision} writes: the options of {@code drover revision}. Immutable; every {@code with}
 * method returns a copy. Start from {@link #message(String)}:
 * <pre>{@code
 * RevisionOptions.message("add invoices").head("billing@head").branchLabel("invoices")
 * }</pre>
 */
public final class RevisionOptions {

    private final String message;
    private final String head;
    private final boolean splice;
    private final List<String> branchLabels;
    private final Path versionPath;
    private final String revId;
    private final List<String> dependsOn;

    private RevisionOptions(String message, String head, boolean splice, List<String> branchLabels, Path versionPath,
            String revId, List<String> dependsOn) {
        this.message = message;
        this.head = head;
        this.splice = splice;
        this.branchLabels = List.copyOf(branchLabels);
        this.versionPath = versionPath;
        this.revId = revId;
        this.dependsOn = List.copyOf(dependsOn);
    }

    /** A revision with {@code message} ({@code -m}; {@code null} for none) on top of {@code head}. */
    public static RevisionOptions message(String message) {
        return new RevisionOptions(message == null ? "" : message, "head", false, List.of(), null, null, List.of());
    }

    /**
     * The revision to build on ({@code --head}): {@code head} (the default; refused when there are several heads),
     * a revision id or unambiguous prefix, {@code <label>@head}, or {@code base} for a new root.
     */
    public RevisionOptions head(String revision) {
        return new RevisionOptions(message, Objects.requireNonNull(revision, "head"), splice, branchLabels,
                versionPath, revId, dependsOn);
    }

    /** Allows a {@link #head} that is not a head revision, starting a new branch from it ({@code --splice}). */
    public RevisionOptions splice() {
        return new RevisionOptions(message, head, true, branchLabels, versionPath, revId, dependsOn);
    }

    /** Adds a branch label to the new revision ({@code --branch-label}, repeatable). */
    public RevisionOptions branchLabel(String label) {
        return new RevisionOptions(message, head, splice, plus(branchLabels, label), versionPath, revId, dependsOn);
    }

    /**
     * The version location to write the script to ({@code --version-path}); a relative path resolves against the
     * working directory of the process. By default: the only version location, else the directory of the head's
     * script.
     */
    public RevisionOptions versionPath(Path directory) {
        return new RevisionOptions(message, head, splice, branchLabels, Objects.requireNonNull(directory, "versionPath"),
                revId, dependsOn);
    }

    /** A fixed id instead of a random 12-hex-digit one ({@code --rev-id}; letters, digits and {@code _}). */
    public RevisionOptions revId(String id) {
        return new RevisionOptions(message, head, splice, branchLabels, versionPath, Objects.requireNonNull(id, "revId"),
                dependsOn);
    }

    /** Adds a {@code depends_on}: a revision id, unambiguous prefix or branch label ({@code --depends-on}). */
    public RevisionOptions dependsOn(String revision) {
        return new RevisionOptions(message, head, splice, branchLabels, versionPath, revId, plus(dependsOn, revision));
    }

    public String messageText() {
        return message;
    }

    public String headRevision() {
        return head;
    }

    public boolean isSplice() {
        return splice;
    }

    public List<String> branchLabels() {
        return branchLabels;
    }

    /** The version location asked for, or {@code null} to infer it. */
    public Path versionPathOrNull() {
        return versionPath;
    }

    /** The id asked for, or {@code null} for a random one. */
    public String revIdOrNull() {
        return revId;
    }

    public List<String> dependsOn() {
        return dependsOn;
    }

    private static List<String> plus(List<String> values, String value) {
        List<String> more = new ArrayList<>(values);
        more.add(Objects.requireNonNull(value));
        return more;
    }

    @Override
    public String toString() {
        return "RevisionOptions[message=" + message + ", head=" + head + ", splice=" + splice + ", branchLabels="
                + branchLabels + ", versionPath=" + versionPath + ", revId=" + revId + ", dependsOn=" + dependsOn + "]";
    }
}
