package dev.drover.env;

import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.fleet.TargetView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Refuses an upgrade or downgrade before any target changes when an applied revision's script was
 * edited since it ran on some target (its history checksum differs). It reads the fleet the way
 * {@code drover status} does (no lock, nothing created); a target that cannot be read is left to
 * the run, which reports it. The engine checks again under each target's lock, so a script edited
 * between this read and the run still refuses its target.
 */
final class ChangedScriptsCheck {

    /** Targets named per revision before "and N more". */
    private static final int NAMED = 5;

    private ChangedScriptsCheck() {}

    /**
     * @param status read only for upgrades and downgrades
     * @throws AppliedScriptChangedException naming each changed revision, its file and the targets it ran on
     */
    static void check(FleetOperation operation, Supplier<FleetStatus> status) {
        if (!(operation instanceof FleetOperation.Upgrade || operation instanceof FleetOperation.Downgrade)) {
            return;
        }
        Map<String, List<String>> targetsByRevision = new TreeMap<>();
        Map<String, String> files = new TreeMap<>();
        for (TargetView view : status.get().targets()) {
            for (String revision : view.changed()) {
                targetsByRevision.computeIfAbsent(revision, r -> new ArrayList<>()).add(view.key());
                files.putIfAbsent(revision, view.target().scripts().fileLabel(revision));
            }
        }
        if (targetsByRevision.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        targetsByRevision.forEach((revision, keys) -> parts.add("'" + revision + "' (" + files.get(revision)
                + ") on " + named(keys)));
        throw new AppliedScriptChangedException("applied revision(s) changed since they ran, so nothing was run: "
                + String.join("; ", parts) + "; restore the original script(s) and put the change in a new revision "
                + "('drover revision -m ...')");
    }

    /** {@code target(s) 'a', 'b'} and, past five, how many more. */
    static String named(List<String> keys) {
        List<String> quoted = keys.stream().limit(NAMED).map(k -> "'" + k + "'").toList();
        String more = keys.size() > NAMED ? " and " + (keys.size() - NAMED) + " more target(s)" : "";
        return "target(s) " + String.join(", ", quoted) + more;
    }
}
