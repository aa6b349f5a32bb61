package dev.drover.orchestrator.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the schemas of a fleet's targets, in memory: the targets of one server at the same
 * revision form a group (targets at different revisions, or on different servers, are never
 * compared with each other); within a group, each target is compared with the group's majority
 * fingerprint, or with the reference target when one is named and is at the group's revision.
 * A group that agrees is then compared with what its revision produced on the first target that
 * reached it ({@link ExpectedFingerprint}), within one dialect.
 */
public final class DriftAnalysis {

    private DriftAnalysis() {}

    /**
     * @param targets   every selected target, in rollout order
     * @param reference a tenant name or target key to compare with instead of the majority, or {@code null}
     * @param expected  recorded fingerprints, earliest first (only the first per revision and dialect counts)
     * @throws IllegalArgumentException when {@code reference} names no selected target, names several, or
     *                                  names one whose schema could not be read
     */
    public static DriftReport analyse(List<DriftTarget> targets, String reference, List<ExpectedFingerprint> expected) {
        DriftTarget referenceTarget = reference == null ? null : resolve(targets, reference);
        Map<String, List<DriftTarget>> groups = new LinkedHashMap<>();
        List<DriftTarget> unreadable = new ArrayList<>();
        for (DriftTarget target : targets) {
            if (target.fingerprint() == null) {
                unreadable.add(target);
            } else {
                groups.computeIfAbsent(target.server() + "\u0000" + target.revision(), k -> new ArrayList<>()).add(target);
            }
        }
        List<DriftReport.Group> reportGroups = new ArrayList<>();
        List<DriftReport.Drifted> drifted = new ArrayList<>();
        List<DriftReport.ServerDrift> servers = new ArrayList<>();
        for (List<DriftTarget> group : groups.values()) {
            DriftReport.Group compared = compare(group, referenceTarget);
            reportGroups.add(compared);
            for (DriftTarget target : group) {
                if (!target.fingerprint().equals(compared.expected())) {
                    drifted.add(new DriftReport.Drifted(target, compared.comparedWith(),
                            SchemaDifference.between(target.fingerprint(), compared.expected())));
                }
            }
            boolean byReference = compared.comparedWith().startsWith("reference");
            DriftTarget first = group.get(0);
            if (!byReference) {
                recorded(expected, first.revision(), first.dialect())
                        .filter(e -> !e.fingerprint().equals(compared.expected()))
                        .ifPresent(e -> servers.add(new DriftReport.ServerDrift(first.server(), first.revision(), e.source(),
                                SchemaDifference.between(compared.expected(), e.fingerprint()))));
            }
        }
        drifted.sort(Comparator.comparingInt(d -> targets.indexOf(d.target())));
        return new DriftReport(reportGroups, drifted, servers, unreadable);
    }

    private static Optional<ExpectedFingerprint> recorded(List<ExpectedFingerprint> expected, String revision, String dialect) {
        return expected.stream().filter(e -> e.revision().equals(revision) && e.dialect().equals(dialect)).findFirst();
    }

    /** The group's variants and what its targets are compared with. */
    private static DriftReport.Group compare(List<DriftTarget> group, DriftTarget reference) {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        Map<String, SchemaFingerprint> byHash = new LinkedHashMap<>();
        for (DriftTarget target : group) {
            variants.computeIfAbsent(target.fingerprint().hash(), h -> new ArrayList<>()).add(target.key());
            byHash.putIfAbsent(target.fingerprint().hash(), target.fingerprint());
        }
        List<Map.Entry<String, List<String>>> largestFirst = new ArrayList<>(variants.entrySet());
        largestFirst.sort(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> -e.getValue().size()));
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        largestFirst.forEach(e -> ordered.put(e.getKey(), List.copyOf(e.getValue())));
        DriftTarget first = group.get(0);
        if (reference != null && reference.revision().equals(first.revision())
                && reference.dialect().equals(first.dialect())) {
            return new DriftReport.Group(first.server(), first.revision(), ordered,
                    "reference '" + reference.key() + "'", reference.fingerprint());
        }
        Map.Entry<String, List<String>> top = largestFirst.get(0);
        int size = top.getValue().size();
        long tied = largestFirst.stream().filter(e -> e.getValue().size() == size).count();
        String comparedWith = tied == 1
                ? "majority (" + size + " of " + group.size() + " targets)"
                : "first of " + tied + " equally large groups (" + size + " of " + group.size()
                        + " targets; no majority: name one with --reference)";
        return new DriftReport.Group(first.server(), first.revision(), ordered, comparedWith, byHash.get(top.getKey()));
    }

    private static DriftTarget resolve(List<DriftTarget> targets, String reference) {
        List<DriftTarget> matches = targets.stream()
                .filter(t -> t.key().equals(reference) || reference.equals(t.tenant())).toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("reference '" + reference + "' is not among the selected targets;"
                    + " give a tenant name or a target key from 'drover targets'");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("reference '" + reference + "' matches " + matches.size()
                    + " targets (" + String.join(", ", matches.stream().map(DriftTarget::key).toList())
                    + "); give one target key, e.g. '" + matches.get(0).key() + "'");
        }
        DriftTarget target = matches.get(0);
        if (target.fingerprint() == null) {
            throw new IllegalArgumentException("reference '" + reference + "' could not be read (" + target.error()
                    + "); fix it or choose another reference");
        }
        return target;
    }
}
