package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.FleetListener;
import dev.drover.api.RecoveryReport;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CommandContext;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code drover recover}: resolves in-doubt two-phase transactions from the coordinator's journal, in this process
 * or, with {@code --cluster}, through live agents of each zone (one call of {@link Drover#recover}).
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Resolve in-doubt two-phase transactions (PostgreSQL) left by an interrupted run:",
            "COMMIT PREPARED where the journal recorded the commit decision, ROLLBACK PREPARED otherwise (presumed abort).",
            "Safe to run twice. The journal lives in $DROVER_JOURNAL_DIR, else ~/.drover/journal.",
            "With --cluster, agents of each zone resolve it (run it where the --cluster runs journaled)."})
public final class RecoverCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Option(names = "--force", description = "Also roll back Drover transactions that no journal knows (orphans);"
            + " only when no other Drover run is active.")
    boolean force;

    @Option(names = "--cluster", description = "Resolve through the [cluster] of drover.ini: each zone's in-doubt"
            + " groups of this machine's journal (the coordinator's) finished by a live agent of that zone, which"
            + " reports its name.")
    boolean cluster;

    @Override
    public Integer call() {
        try (Drover api = ApiClient.open(drover, FleetListener.NONE, ClusterOption.enabled(cluster).host(drover))) {
            RecoveryReport result = api.recover(ApiClient.selection(drover, null), force);
            PrintWriter out = drover.environment().out();
            if (drover.options().format() == GlobalOptions.OutputFormat.json) {
                out.println(json(result, cluster));
            } else if (result.transactions().isEmpty()) {
                out.println("No in-doubt two-phase transactions: nothing to recover.");
            } else {
                text(result, cluster, out);
            }
            return result.unresolved() ? ExitCodes.IN_DOUBT : ExitCodes.OK;
        }
    }

    /** One line per transaction; through a cluster with the node that handled it, then one line per group. */
    static void text(RecoveryReport result, boolean cluster, PrintWriter out) {
        for (RecoveryReport.Transaction tx : result.transactions()) {
            out.println(tx.gid() + "  " + (tx.target() == null ? "(no journal)" : tx.target()) + "  " + tx.action()
                    + (cluster ? " on " + nodeOf(tx) : "") + (tx.detail() == null ? "" : ": " + tx.detail()));
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (RecoveryReport.Transaction tx : result.transactions()) {
            if (tx.group() != null) {
                List<String> handled = groups.computeIfAbsent(tx.group() + "' of run '" + tx.runId(),
                        g -> new ArrayList<>());
                String what = tx.action() + " on " + nodeOf(tx);
                if (!handled.contains(what)) {
                    handled.add(what);
                }
            }
        }
        groups.forEach((group, handled) -> out.println("group '" + group + "': " + String.join(", ", handled)));
    }

    private static String nodeOf(RecoveryReport.Transaction tx) {
        return tx.node() == null ? "no agent" : "'" + tx.node() + "'";
    }

    /**
     * {@code {"transactions": [{"gid", "target", "action", "detail"}], "unresolved": bool}}; through a cluster each
     * transaction also has {@code "group", "runId", "node"}, and {@code "groups": [{"group", "runId", "nodes",
     * "actions"}]} comes before {@code "unresolved"}.
     */
    static String json(RecoveryReport result, boolean cluster) {
        List<Map<String, Object>> transactions = new ArrayList<>();
        for (RecoveryReport.Transaction tx : result.transactions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("gid", tx.gid());
            row.put("target", tx.target());
            row.put("action", tx.action());
            row.put("detail", tx.detail());
            if (cluster) {
                row.put("group", tx.group());
                row.put("runId", tx.runId());
                row.put("node", tx.node());
            }
            transactions.add(row);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("transactions", transactions);
        if (cluster) {
            document.put("groups", result.groups());
        }
        document.put("unresolved", result.unresolved());
        return Json.write(document);
    }
}
