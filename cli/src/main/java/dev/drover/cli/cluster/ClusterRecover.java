package dev.drover.cli.cluster;

import dev.drover.cli.CommandContext;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.Json;
import dev.drover.cluster.NodeRecovery;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.twophase.RecoveredTransaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code drover recover --cluster}: this machine's journal (the coordinator's) resolved through live agents of
 * each zone, which reach the databases with their own credentials. Prints every transaction as a local recover
 * does, with the node that resolved it, then one line per group.
 */
public final class ClusterRecover {

    private ClusterRecover() {}

    /** Joins the cluster, recovers, prints; returns {@link ExitCodes#IN_DOUBT} when something is left unresolved. */
    public static int run(CommandContext drover, Fleet fleet, Path journal, boolean force) {
        List<NodeRecovery> seen;
        try (CoordinatorSession session = CoordinatorSession.join(drover, fleet)) {
            seen = session.recover(fleet, journal, force);
        }
        PrintWriter out = drover.environment().out();
        if (drover.options().format() == GlobalOptions.OutputFormat.json) {
            out.println(json(seen));
        } else if (seen.isEmpty()) {
            out.println("No in-doubt two-phase transactions: nothing to recover.");
        } else {
            for (NodeRecovery r : seen) {
                RecoveredTransaction tx = r.transaction();
                out.println(tx.gid() + "  " + (tx.targetKey() == null ? "(no journal)" : tx.targetKey()) + "  "
                        + tx.action().label() + " on " + nodeOf(r) + (tx.detail() == null ? "" : ": " + tx.detail()));
            }
            groups(seen).forEach((group, rows) -> out.println("group '" + group + "': " + String.join(", ",
                    rows.stream().map(r -> r.transaction().action().label() + " on " + nodeOf(r)).distinct()
                            .toList())));
        }
        return seen.stream().anyMatch(r -> !r.transaction().action().resolved()) ? ExitCodes.IN_DOUBT : ExitCodes.OK;
    }

    private static String nodeOf(NodeRecovery r) {
        return r.node() == null ? "no agent" : "'" + r.node() + "'";
    }

    /** The transactions of each journaled group (orphans have none), in order. */
    private static Map<String, List<NodeRecovery>> groups(List<NodeRecovery> seen) {
        Map<String, List<NodeRecovery>> groups = new LinkedHashMap<>();
        for (NodeRecovery r : seen) {
            if (r.group() != null) {
                groups.computeIfAbsent(r.group() + "' of run '" + r.runId(), g -> new ArrayList<>()).add(r);
            }
        }
        return groups;
    }

    /**
     * {@code {"transactions": [{"gid", "target", "action", "detail", "group", "runId", "node"}],
     * "groups": [{"group", "runId", "nodes", "actions"}], "unresolved": bool}}.
     */
    private static String json(List<NodeRecovery> seen) {
        List<Map<String, Object>> transactions = new ArrayList<>();
        Map<String, GroupSummary> groups = new LinkedHashMap<>();
        for (NodeRecovery r : seen) {
            RecoveredTransaction tx = r.transaction();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("gid", tx.gid());
            row.put("target", tx.targetKey());
            row.put("action", tx.action().label());
            row.put("detail", tx.detail());
            row.put("group", r.group());
            row.put("runId", r.runId());
            row.put("node", r.node());
            transactions.add(row);
            if (r.group() != null) {
                GroupSummary group = groups.computeIfAbsent(r.runId() + "/" + r.group(), k -> new GroupSummary(
                        r.group(), r.runId(), new LinkedHashSet<>(), new LinkedHashSet<>()));
                if (r.node() != null) {
                    group.nodes().add(r.node());
                }
                group.actions().add(tx.action().label());
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("transactions", transactions);
        document.put("groups", new ArrayList<>(groups.values()));
        document.put("unresolved", seen.stream().anyMatch(r -> !r.transaction().action().resolved()));
        return Json.write(document);
    }

    /** A group in the JSON: the nodes that handled its transactions and what they did. */
    private record GroupSummary(String group, String runId, Set<String> nodes, Set<String> actions) {}
}
