package dev.drover.cli.render;

import dev.drover.api.BranchPoint;
import dev.drover.api.RevisionInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Revisions as {@code heads}, {@code branches}, {@code history} and {@code show} print them with
 * {@code --format json}: every field of the text forms, the script path as a plain string.
 */
public final class RevisionJson {

    private RevisionJson() {}

    /** One revision: id, parents, dependencies, labels, children, head/branch/merge point flags, message, date, path. */
    public static Map<String, Object> of(RevisionInfo rev) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rev.id());
        json.put("downRevisions", rev.downRevisions());
        json.put("dependsOn", rev.dependsOn());
        json.put("branchLabels", rev.branchLabels());
        json.put("nextRevisions", rev.nextRevisions());
        json.put("head", rev.head());
        json.put("branchPoint", rev.branchPoint());
        json.put("mergePoint", rev.mergePoint());
        json.put("message", rev.message());
        json.put("createDate", rev.createDate());
        json.put("path", rev.path() == null ? null : rev.path().toString());
        return json;
    }

    /** As {@link #of(RevisionInfo)}, with {@code current}: whether the selected target is at it ({@code history -i}). */
    public static Map<String, Object> withCurrent(RevisionInfo rev) {
        Map<String, Object> json = of(rev);
        json.put("current", rev.current());
        return json;
    }

    public static List<Map<String, Object>> all(List<RevisionInfo> revisions) {
        return revisions.stream().map(RevisionJson::of).toList();
    }

    /** A branch point and the revisions it branches into. */
    public static Map<String, Object> of(BranchPoint point) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("branchPoint", of(point.branchPoint()));
        json.put("branches", all(point.branches()));
        return json;
    }
}
