package dev.drover.orchestrator.report;

import java.util.List;
import java.util.Map;

/**
 * Where a cluster run ({@code --cluster}) ran its targets: the node of each target key, and the targets that
 * went back to the queue when their node was lost. A local run has {@link #LOCAL}: no node, nothing reassigned.
 */
public record Placement(Map<String, String> nodes, List<RunReport.Reassignment> reassigned) {

    public static final Placement LOCAL = new Placement(Map.of(), List.of());

    public Placement {
        nodes = Map.copyOf(nodes);
        reassigned = List.copyOf(reassigned);
    }
}
