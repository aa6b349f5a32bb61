package dev.drover.cluster;

import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.runtime.ScriptSource;
import java.util.Map;
import java.util.TreeMap;

/** The plan a coordinator sends and an agent checks: every revision of a script directory and its checksum. */
final class ScriptChecksums {

    private ScriptChecksums() {}

    static Map<String, String> of(ScriptSource scripts) {
        Map<String, String> checksums = new TreeMap<>();
        for (Revision revision : scripts.graph().revisions()) {
            checksums.put(revision.id(), scripts.checksum(revision.id()));
        }
        return checksums;
    }

    /**
     * Why an agent's scripts differ from the coordinator's, naming the first revision that differs, or
     * {@code null} when they are the same.
     */
    static String difference(Map<String, String> coordinator, ScriptSource local) {
        Map<String, String> mine = of(local);
        for (Map.Entry<String, String> entry : coordinator.entrySet()) {
            String here = mine.get(entry.getKey());
            if (here == null) {
                return "it has no script for revision '" + entry.getKey() + "'";
            }
            if (!here.equals(entry.getValue())) {
                return "its script of revision '" + entry.getKey() + "' differs from the coordinator's (" + here
                        + " here, " + entry.getValue() + " there)";
            }
        }
        for (String revision : mine.keySet()) {
            if (!coordinator.containsKey(revision)) {
                return "it has a script for revision '" + revision + "' that the coordinator does not have";
            }
        }
        return null;
    }
}
