package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.FleetListener;
import dev.drover.api.RecoveryReport;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CommandContext;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.Json;
import dev.drover.env.Fleet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover recover}: resolves in-doubt two-phase transactions from the coordinator's journal. */
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
        if (cluster) {
            try (Fleet fleet = TargetSelection.fleet(drover, null, null)) {
                return dev.drover.cli.cluster.ClusterRecover.run(drover, fleet, journalDirectory(drover), force);
            }
        }
        try (Drover api = ApiClient.open(drover, FleetListener.NONE)) {
            RecoveryReport result = api.recover(ApiClient.selection(drover, null), force);
            PrintWriter out = drover.environment().out();
            if (drover.options().format() == GlobalOptions.OutputFormat.json) {
                out.println(json(result));
            } else if (result.transactions().isEmpty()) {
                out.println("No in-doubt two-phase transactions: nothing to recover.");
            } else {
                for (RecoveryReport.Transaction tx : result.transactions()) {
                    out.println(tx.gid() + "  " + (tx.target() == null ? "(no journal)" : tx.target()) + "  "
                            + tx.action() + (tx.detail() == null ? "" : ": " + tx.detail()));
                }
            }
            return result.unresolved() ? ExitCodes.IN_DOUBT : ExitCodes.OK;
        }
    }

    /** {@code {"transactions": [{"gid", "target", "action", "detail"}], "unresolved": bool}}. */
    private static String json(RecoveryReport result) {
        List<Map<String, Object>> transactions = new ArrayList<>();
        for (RecoveryReport.Transaction tx : result.transactions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("gid", tx.gid());
            row.put("target", tx.target());
            row.put("action", tx.action());
            row.put("detail", tx.detail());
            transactions.add(row);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("transactions", transactions);
        document.put("unresolved", result.unresolved());
        return Json.write(document);
    }

    /** {@code $DROVER_JOURNAL_DIR}, else {@code ~/.drover/journal}: where two-phase decisions are journaled. */
    static Path journalDirectory(CommandContext drover) {
        return ApiClient.journal(drover);
    }
}
